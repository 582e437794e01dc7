"""The model: what an edition of the Careers Impact Maturity Model says.

`edition` (the typed grid: editions, themes, rows, cells, change log, guidance,
glossary), `gatsby` (the Gatsby Benchmarks as reference data), `editions` (the bundled
editions, and edition files from elsewhere) and `crosswalk` (how the rows of one
edition map to the next). Nothing here knows about reviews.
"""

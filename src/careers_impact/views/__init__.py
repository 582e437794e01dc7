"""Views: every way the package shows the model and reviews to people and tools.

`text` (the terminal), `markdown` (documents and the docs site), `report` (the HTML
and Markdown review report), `form` (the reflection form), `pack` (the discussion
pack), `peer` (a peer set's page), `hub` (a Careers Hub's page), `notebook` (HTML for
Jupyter), `frames` (pandas and Arrow tables, Parquet), `plots` (matplotlib) and
`exports` (spreadsheet-safe CSV), all sharing `_style` (fills, level names, Markdown
escaping, the page templates). Nothing below this layer imports it: models reach their
notebook, frame and Arrow views through the typed generics of ``careers_impact._hooks``,
with which these modules register.
"""

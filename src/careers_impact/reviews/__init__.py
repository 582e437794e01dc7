"""Reviews and their arithmetic: what settings do with the model.

`vocabulary` (the answer words), `review` (a review: setting, participants,
reflections, agreed positions, targets), `bestfit` (a suggestion per row, and when a
row needs discussion), `rollup` (a review summarised by theme and benchmark),
`progression` (two or more reviews over time), `collection` (many settings at once),
`hub` (a Careers Hub's settings) and `peer` (a peer-review set). Pure functions over
frozen models; no files, no views.
"""

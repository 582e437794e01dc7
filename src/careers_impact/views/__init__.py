"""Views: every way the package shows the model and reviews to people and tools.

`text` (the terminal), `markdown` (documents and the docs site), `report` (the HTML
and Markdown review report and its template), `notebook` (HTML for Jupyter),
`frames` (pandas), `plots` (matplotlib) and `exports` (spreadsheet-safe CSV), all
sharing `_style` (fills, level names, Markdown escaping). Nothing below this layer
imports it at module level; models reach their notebook and frame views through
``careers_impact._hooks``.
"""

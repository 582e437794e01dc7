"""File formats: how reviews come in and go out, by one set of rules.

`_table` (the one CSV layer every CSV reader and writer uses), `reflections` (long and
wide reflections, form exports, the blank form), `agreed` (agreed positions),
`review_json` (the canonical review file), `collection` (many settings in one long
CSV) and `schemas` (the JSON Schemas of the edition, review and crosswalk formats).
See the docs' "What the readers promise".
"""

"""The bundled editions' index (`careers_impact.model._index`), read without pydantic."""

from __future__ import annotations

from careers_impact import DEFAULT_EDITION, list_editions, load_edition
from careers_impact.model._index import index


def test_the_index_lists_each_bundled_edition_as_its_file_says() -> None:
    listed = {item["id"]: item for item in index()}
    assert DEFAULT_EDITION in listed
    assert [info.id for info in list_editions()] == list(listed)
    for edition_id, item in listed.items():
        edition = load_edition(edition_id)
        assert (item["title"], item["setting"]) == (edition.title, edition.setting)

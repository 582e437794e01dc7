"""mkdocs hooks: generate the model's pages, the published schemas and the changelog page
from the package.

The model pages are rendered from the bundled edition files at build time, and listed
in the navigation from the editions index, so the site can never disagree with the
package; each row's four columns are laid out side by side
on wide screens (``docs/stylesheets/model.css``). The JSON Schemas are published at
their ``$id`` addresses (``schema/KIND-VERSION.json``) with an example document each;
the changelog page is CHANGELOG.md itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent


def on_config(config: Any) -> Any:
    """The model section of the navigation: its index, then one page per bundled edition,
    so that releasing an edition needs no hand-written line here."""
    from careers_impact import list_editions

    for section in config["nav"]:
        if isinstance(section, dict) and "The model" in section:
            section["The model"] = ["model/index.md"] + [
                {f"{info.title} ({info.id})": f"model/{info.id}.md"} for info in list_editions()
            ]
    return config


def on_files(files: Files, config: Any) -> Files:
    from careers_impact import list_editions, load_edition, summarise
    from careers_impact.examples import demo_review
    from careers_impact.files.schemas import SCHEMA_BASE, SCHEMA_KINDS, schema, schema_id
    from careers_impact.files.summary_json import summary_document
    from careers_impact.views.markdown import edition_markdown

    index = ["# The model", "", "Every bundled edition, generated from its data file.", ""]
    for info in list_editions():
        edition = load_edition(info.id)
        text = edition_markdown(edition, guidance=True, layout="grid")
        files.append(File.generated(config, f"model/{info.id}.md", content=text))
        when = info.effective or "no date stated"
        index.append(f"- [{info.title}]({info.id}.md): `{info.id}`, {when}")
    files.append(File.generated(config, "model/index.md", content="\n".join(index) + "\n"))
    for kind in SCHEMA_KINDS:
        name = schema_id(kind).removeprefix(SCHEMA_BASE)
        text = json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"
        files.append(File.generated(config, f"schema/{name}", content=text))
    examples = {
        "edition.json": load_edition("colleges").model_dump_json(indent=2),
        "review.json": demo_review().model_dump_json(indent=2),
        "summary.json": json.dumps(
            summary_document(summarise(demo_review())), ensure_ascii=False, indent=2
        ),
    }
    for name, text in examples.items():
        files.append(File.generated(config, f"schema/examples/{name}", content=text + "\n"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    files.append(File.generated(config, "changelog.md", content=changelog))
    return files

"""mkdocs hooks: generate the model's pages and the changelog page from the package.

The model pages are rendered from the bundled edition files at build time, so the site
can never disagree with the package; the changelog page is CHANGELOG.md itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent


def on_files(files: Files, config: Any) -> Files:
    from careers_impact import list_editions, load_edition
    from careers_impact.render import edition_markdown

    index = ["# The model", "", "Every bundled edition, generated from its data file.", ""]
    for info in list_editions():
        edition = load_edition(info.id)
        text = edition_markdown(edition, guidance=True)
        files.append(File.generated(config, f"model/{info.id}.md", content=text))
        when = info.effective or "no date stated"
        index.append(f"- [{info.title}]({info.id}.md): `{info.id}`, {when}")
    files.append(File.generated(config, "model/index.md", content="\n".join(index) + "\n"))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    files.append(File.generated(config, "changelog.md", content=changelog))
    return files

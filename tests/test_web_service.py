"""The web-service how-to (docs/how-to/web-service.md), run as the real ASGI app it shows.

Its code block is loaded as a module and driven through httpx (Starlette's test
client): good uploads give the summary and the report; every hostile upload of the
corpus gives a 200 or a 400 naming the file, never a 500; and no file is opened outside
the uploads, whatever an upload holds.
"""

from __future__ import annotations

import asyncio
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the test extra has Starlette for the how-to's app")
pytest.importorskip("multipart", reason="the test extra has python-multipart for uploads")
httpx = pytest.importorskip("httpx", reason="the test extra has httpx to call the app")

ROOT = Path(__file__).resolve().parents[1]
HOW_TO = ROOT / "docs" / "how-to" / "web-service.md"
CORPUS = Path(__file__).parent / "hostile"


def _service() -> types.ModuleType:
    code = re.search(r"```python\n(.*?)```", HOW_TO.read_text(encoding="utf-8"), re.S)
    assert code is not None, "the how-to shows its service as a python block"
    module = types.ModuleType("service")
    exec(compile(code[1], str(HOW_TO), "exec"), module.__dict__)
    return module


class Client:
    """httpx's client over ASGI: each request goes through the app as a server's would."""

    def __init__(self, app: Any) -> None:
        self.transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)

    def post(self, route: str, **given: Any) -> Any:
        async def send() -> Any:
            async with httpx.AsyncClient(transport=self.transport, base_url="http://t") as c:
                return await c.post(route, **given)

        return asyncio.run(send())


@pytest.fixture(scope="module")
def client() -> Client:
    return Client(_service().app)


ALEX = b"participant,role,row,answer,note\nAlex,Governor,1.1,3,<b>bold</b>\nAlex,Governor,1.2,2,\n"
SAM = b"Name,Role,1.1 Careers leadership,1.2 Leaders\nSam,SENCo,1,Not yet in place\n"


def _post(client: Client, route: str, *files: tuple[str, bytes], **form: str) -> Any:
    parts = [("reflections", (name, data, "text/csv")) for name, data in files]
    return client.post(route, files=parts, data={"setting": "Oak Academy", **form})


def test_uploads_give_the_summary_with_every_report_and_the_report(client: Client) -> None:
    answer = _post(client, "/summary", ("alex.csv", ALEX), ("sam.csv", SAM), date="2026-10-05")
    assert answer.status_code == 200
    body = answer.json()
    assert body["summary"]["status"] == "in progress"
    assert body["summary"]["rows"][0]["suggestion"]["count"] == 2
    assert body["reports"] == []
    page = _post(client, "/report", ("alex.csv", ALEX), ("sam.csv", SAM))
    assert page.status_code == 200
    assert "Oak Academy" in page.text
    assert "<b>bold</b>" not in page.text  # a note never becomes markup


@pytest.mark.parametrize(
    ("files", "form", "where"),
    [
        ([("alex.csv", ALEX.replace(b"1.2,2", b"1.2,7"))], {}, ("alex.csv", 3, "answer")),
        ([("alex.csv", ALEX), ("again.csv", ALEX)], {}, ("again.csv", None, None)),
        ([("alex.csv", ALEX)], {"setting": "\u00a0"}, None),
        ([("alex.csv", ALEX)], {"date": "5/10/2026"}, None),
        ([], {}, None),
    ],
)
def test_what_a_user_can_get_wrong_is_a_400_saying_where(
    client: Client, files: list[tuple[str, bytes]], form: dict[str, str], where: Any
) -> None:
    answer = _post(client, "/summary", *files, **form)
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert body["error"]
    if where is not None:
        assert (body["file"], body["line"], body["column"]) == where


def test_no_hostile_upload_is_a_500_and_none_opens_a_file(client: Client, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("participant,row,answer\nSpy,1.1,4\n", encoding="utf-8")
    opened: list[str] = []
    watching = True

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if watching and event == "open" and isinstance(args[0], str | bytes | Path):
            opened.append(str(args[0]))

    sys.addaudithook(audit)
    contents = [p.read_bytes() for p in sorted(CORPUS.iterdir()) if p.suffix == ".csv"]
    contents += [str(secret).encode(), b"/etc/shadow", b"/no/such/file", b"\x00\xff", b""]
    try:
        for data in contents:
            for route in ("/summary", "/report"):
                answer = _post(client, route, ("upload.csv", data))
                assert answer.status_code in (200, 400), (data[:60], answer.text)
    finally:
        watching = False
    named = [path for path in opened if "secret" in path or "shadow" in path or "such" in path]
    assert named == []
    assert str(secret) not in " ".join(opened)

"""A crosswalk proposed from two editions' content, for a maintainer to decide.

Rows are matched across *all* rows of both editions by what they say, never by id:
each row's descriptor statements (letter case, punctuation and white space set aside;
a statement reworded but mostly alike still counts) are compared with every row's of
the other edition. Then:

* one older row whose statements went to one newer row, and no other, is ``kept``
  (same id and title), or ``renamed`` (renumbered or retitled);
* one older row whose statements went to several newer rows that took nothing else
  is ``split``; several older rows that went to one newer row are ``merged``;
* a newer row with nothing of an older one is ``added``; an older row with nothing in
  the newer edition is ``retired``.

Every entry carries its evidence in its note (the statements shared, how alike the
titles are). Where the evidence is ambiguous (rows that share statements every which
way, or a pair that shares under half its statements), the entry's note starts with
``DECIDE``, and `careers_impact.check_crosswalk` refuses the crosswalk until the
maintainer has decided it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher

from careers_impact.model.crosswalk import Crosswalk, CrosswalkEntry
from careers_impact.model.edition import Edition, Row

__all__ = [
    "EDITORIAL_SIMILARITY",
    "SHARED_SIMILARITY",
    "comparable_words",
    "editorial",
    "propose_crosswalk",
]

#: Default: a word replaced by one at least this similar (difflib's ratio over its
#: letters) is taken for a misspelling fixed; see `editorial`.
EDITORIAL_SIMILARITY = 0.75


#: A statement counts as shared with another row's when their words are at least this
#: alike (difflib's ratio over words), or equal by `careers_impact.maintain.editorial`.
SHARED_SIMILARITY = 0.8


def comparable_words(text: str) -> list[str]:
    """The words of ``text`` as `editorial` compares them: letter case, punctuation and
    white space set aside."""
    kept = "".join(" " if unicodedata.category(c).startswith("P") else c for c in text)
    return kept.casefold().split()


def editorial(old: str, new: str, similarity: float = EDITORIAL_SIMILARITY) -> bool:
    """Whether a change of wording is editorial, by the stated rule: it alters only
    punctuation, white space or letter case, or fixes a misspelling (a word replaced by
    one whose letters are at least ``similarity`` alike). Adding, removing or replacing
    a word is substantive.

    | change | class |
    |---|---|
    | ``careers-led`` → ``careers led``; ``Careers`` → ``careers`` | editorial |
    | ``recieve`` → ``receive`` | editorial (a misspelling) |
    | ``named Careers Leader`` → ``named and trained Careers Leader`` | substantive |
    | ``careers information`` → ``LMI information`` | substantive |

    >>> editorial("A named, Careers-Leader.", "A named careers leader"), editorial(
    ...     "Staff recieve training", "Staff receive training")
    (True, True)
    >>> editorial("A named Careers Leader", "A named and trained Careers Leader")
    False
    """
    a, b = comparable_words(old), comparable_words(new)
    if a == b:
        return True
    if len(a) != len(b):
        return False
    return all(
        x == y or SequenceMatcher(a=x, b=y, autojunk=False).ratio() >= similarity
        for x, y in zip(a, b, strict=True)
    )


def _statements(row: Row) -> list[tuple[str, ...]]:
    """A row's statements as `editorial` compares them: words, case and punctuation set aside."""
    return [tuple(comparable_words(text)) for cell in row.cells for text in cell.statements]


def _alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    # The quick bounds first: most pairs of statements are nothing alike.
    return (
        matcher.real_quick_ratio() >= SHARED_SIMILARITY
        and matcher.quick_ratio() >= SHARED_SIMILARITY
        and matcher.ratio() >= SHARED_SIMILARITY
    )


def _shared(old: list[tuple[str, ...]], new: list[tuple[str, ...]]) -> int:
    """How many of ``old``'s statements ``new`` has (each of ``new``'s used once)."""
    left = list(new)
    count = 0
    for text in old:
        match = next((i for i, other in enumerate(left) if _alike(text, other)), None)
        if match is not None:
            count += 1
            del left[match]
    return count


def _links(old: Edition, new: Edition) -> dict[tuple[str, str], int]:
    """Every (older row, newer row) pair that shares a statement, and how many."""
    found = {}
    texts = {r.id: _statements(r) for r in new.rows}
    for a in old.rows:
        mine = _statements(a)
        for b in new.rows:
            if shared := _shared(mine, texts[b.id]):
                found[(a.id, b.id)] = shared
    return found


def _evidence(old: Row, new: Row, shared: int) -> str:
    title = SequenceMatcher(a=old.title.casefold(), b=new.title.casefold()).ratio()
    return (
        f"{shared} of {len(_statements(old))} statements of old {old.id} in new {new.id} "
        f"(of its {len(_statements(new))}); titles {title:.0%} alike"
    )


def propose_crosswalk(old: Edition, new: Edition) -> Crosswalk:
    """The crosswalk from ``old`` to ``new`` that the rows' content shows (see the module),
    with ``DECIDE`` where it is ambiguous.

    >>> from careers_impact import load_edition
    >>> edition = load_edition()
    >>> walk = propose_crosswalk(edition, edition)
    >>> {entry.kind for entry in walk.entries}, len(walk.entries)
    ({'kept'}, 32)
    """
    links = _links(old, new)
    targets: dict[str, list[str]] = {r.id: [] for r in old.rows}
    sources: dict[str, list[str]] = {r.id: [] for r in new.rows}
    for a, b in links:
        targets[a].append(b)
        sources[b].append(a)
    rows_old = {r.id: r for r in old.rows}
    rows_new = {r.id: r for r in new.rows}
    entries = list(_entries(targets, sources, links, rows_old, rows_new))
    return Crosswalk(old=old.id, new=new.id, entries=tuple(entries))


def _entries(
    targets: dict[str, list[str]],
    sources: dict[str, list[str]],
    links: dict[tuple[str, str], int],
    rows_old: dict[str, Row],
    rows_new: dict[str, Row],
) -> Iterator[CrosswalkEntry]:
    done_old: set[str] = set()
    done_new: set[str] = set()
    for a, found in targets.items():
        if not found:
            done_old.add(a)
            yield CrosswalkEntry(
                kind="retired", old=(a,), note="nothing of it in the newer edition"
            )
        elif len(found) > 1 and all(sources[b] == [a] for b in found):
            done_old.add(a)
            done_new.update(found)
            evidence = "; ".join(_evidence(rows_old[a], rows_new[b], links[(a, b)]) for b in found)
            yield CrosswalkEntry(kind="split", old=(a,), new=tuple(found), note=evidence)
    for b, found in sources.items():
        if b in done_new:
            continue
        if not found:
            done_new.add(b)
            yield CrosswalkEntry(kind="added", new=(b,), note="nothing of an older row in it")
        elif len(found) > 1 and all(targets[a] == [b] for a in found):
            done_new.add(b)
            done_old.update(found)
            evidence = "; ".join(_evidence(rows_old[a], rows_new[b], links[(a, b)]) for a in found)
            yield CrosswalkEntry(kind="merged", old=tuple(found), new=(b,), note=evidence)
    yield from _pairs(targets, sources, links, rows_old, rows_new, done_old, done_new)


def _pairs(
    targets: dict[str, list[str]],
    sources: dict[str, list[str]],
    links: dict[tuple[str, str], int],
    rows_old: dict[str, Row],
    rows_new: dict[str, Row],
    done_old: set[str],
    done_new: set[str],
) -> Iterator[CrosswalkEntry]:
    """One-to-one pairs, best-sharing first; anything tangled is marked DECIDE."""
    ranked = sorted(
        ((shared, a, b) for (a, b), shared in links.items()
         if a not in done_old and b not in done_new),
        key=lambda item: (-item[0], item[1], item[2]),
    )  # fmt: skip
    for shared, a, b in ranked:
        if a in done_old or b in done_new:
            continue
        done_old.add(a)
        done_new.add(b)
        old, new = rows_old[a], rows_new[b]
        evidence = _evidence(old, new, shared)
        # The same statements, word for word but for case and punctuation.
        whole = sorted(_statements(old)) == sorted(_statements(new))
        tangled = len(targets[a]) > 1 or len(sources[b]) > 1
        if tangled or 2 * shared < max(len(_statements(old)), len(_statements(new))):
            evidence = f"DECIDE: {evidence}; it shares statements with other rows too"
        elif not whole:
            evidence = f"DECIDE: {evidence}; reworded: confirm it is still comparable"
        same = a == b and editorial(old.title, new.title)
        yield CrosswalkEntry(kind="kept" if same else "renamed", old=(a,), new=(b,),
                             note=None if same and whole else evidence)  # fmt: skip
    for a in (a for a in targets if a not in done_old):
        note = "DECIDE: its statements went to rows matched elsewhere"
        yield CrosswalkEntry(kind="retired", old=(a,), note=note)
    for b in (b for b in sources if b not in done_new):
        note = "DECIDE: its statements came from rows matched elsewhere"
        yield CrosswalkEntry(kind="added", new=(b,), note=note)

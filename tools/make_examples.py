"""Write the bundled, clearly fictional example reviews used by ``careers-impact demo``.

    python tools/make_examples.py

Two reviews of one invented school a year apart, with six invented colleagues. The
answers are drawn from a seeded random generator around a plausible profile, so the
files are the same on every run; nothing in them describes a real setting.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from careers_impact import load_edition
from careers_impact.files.review_json import save_review
from careers_impact.reviews.review import (
    AgreedPosition,
    Participant,
    Reflection,
    Review,
    Setting,
    Target,
    level_of,
)

OUT = Path(__file__).resolve().parent.parent / "src" / "careers_impact" / "data" / "examples"
SETTING = Setting(name="Northfield Academy (fictional example)", identifier="EXAMPLE-0001")
PEOPLE = (
    Participant(id="p1", name="Careers Leader (example)", role="careers-leader"),
    Participant(id="p2", name="Deputy Headteacher (example)", role="senior-leader"),
    Participant(id="p3", name="Head of Year 11 (example)", role="middle-leader"),
    Participant(id="p4", name="Link Governor (example)", role="governor"),
    Participant(id="p5", name="SENCo (example)", role="send"),
    Participant(id="p6", name="Careers Adviser (example)", role="careers-adviser"),
)
# A plausible profile per theme: where the invented school typically sits.
EARLIER = {1: 2, 2: 1, 3: 2, 4: 1, 5: 2, 6: 3}
LATER = {1: 3, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3}


def make(
    profile: dict[int, int], when: date, seed: int, agree_all: bool, target_by: date | None
) -> Review:
    rng = random.Random(seed)
    edition = load_edition("schools-2026")
    reflections = []
    agreed = []
    for row in edition.rows:
        centre = max(0, min(4, profile[row.theme] + rng.choice((-1, 0, 0, 0, 1))))
        answers = []
        for person in PEOPLE:
            roll = rng.random()
            if roll < 0.06:
                answer: object = "unsure"
            else:
                level = max(0, min(4, centre + rng.choice((-1, 0, 0, 0, 0, 1))))
                answer = "not-yet" if level == 0 else level
            answers.append(answer)
            reflections.append(
                Reflection.model_validate(
                    {"participant": person.id, "row": row.id, "answer": answer}
                )
            )
        # The group agrees most rows; a few are left for the next meeting.
        if agree_all or rng.random() < 0.8:
            agreed.append(
                AgreedPosition.model_validate(
                    {
                        "row": row.id,
                        "position": "not-yet" if centre == 0 else centre,
                        "rationale": "Agreed at the review meeting (example text).",
                    }
                )
            )
    # The group sets a target one column up on its lowest rows.
    targets = []
    if target_by is not None:
        lowest = min(level_of(a.position) or 0 for a in agreed)
        for position in agreed:
            level = level_of(position.position)
            if level is not None and level == lowest:
                targets.append(
                    Target(
                        row=position.row,
                        column=level + 1,
                        by=target_by,
                        note="Example target agreed at the review (example text).",
                    )
                )
    return Review(
        edition=edition.id,
        targets=tuple(targets),
        setting=SETTING,
        date=when,
        participants=PEOPLE,
        reflections=tuple(reflections),
        agreed=tuple(agreed),
    )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    earlier = make(EARLIER, date(2025, 10, 6), 2025, agree_all=True, target_by=date(2026, 7, 31))
    later = make(LATER, date(2026, 10, 5), 2026, agree_all=False, target_by=date(2027, 7, 30))
    save_review(earlier, OUT / "earlier-review.json")
    save_review(later, OUT / "review.json")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

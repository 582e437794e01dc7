"""Building blocks the package's models share (private: may change)."""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Annotated, Any, ClassVar, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

__all__ = [
    "FILE_FORMAT",
    "ColumnNumber",
    "Frozen",
    "Level",
    "RowId",
    "Text",
    "clip",
    "construct",
    "long_date",
    "short_repr",
    "validation_problems",
]

#: A row id such as "1.3": theme number, dot, row number.
RowId = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9][0-9]?$")]
#: Text that is not empty.
Text = Annotated[str, StringConstraints(min_length=1)]
#: A column of the model: 1 to 4.
ColumnNumber = Annotated[int, Field(ge=1, le=4)]
#: A position on the ordinal scale: 0 (not yet at column 1) to 4.
Level = Annotated[int, Field(ge=0, le=4)]


class Frozen(BaseModel):
    """An immutable model that rejects unknown fields."""

    # defer_build: a model's validator is built when first used, not at import, so
    # importing the package costs little and loading an edition builds one validator.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    #: The fields (or properties) a repr shows, most telling first; all fields if empty.
    _repr_fields: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        return short_repr(self, self._repr_fields or tuple(type(self).model_fields))


#: How long a repr may grow: a notebook cell's value or a log line, not a data dump.
REPR_LIMIT = 300


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the last one "…" when anything was cut.

    >>> clip("Careers leadership", 8), clip("Careers", 8)
    ('Careers…', 'Careers')
    """
    return text if len(text) <= width else text[: width - 1] + "…"


def long_date(day: _dt.date | None) -> str:
    """A date as pages for people show every date: "5 October 2026" ("—" for none).

    >>> import datetime
    >>> long_date(datetime.date(2026, 10, 5)), long_date(None)
    ('5 October 2026', '—')
    """
    # Built by hand because strftime's "%-d" (a day without its zero) is not portable.
    return "—" if day is None else f"{day.day} {day:%B %Y}"


def _brief(value: Any) -> str:
    # Collections show their size and models their kind: the whole object is one
    # attribute access away, and its HTML view shows it as a table.
    if isinstance(value, str):
        return repr(clip(value, 40))
    if isinstance(value, (tuple, list, frozenset, set, dict)):
        return f"<{len(value)} items>" if len(value) != 1 else "<1 item>"
    if isinstance(value, BaseModel):
        inner = repr(value)
        return inner if len(inner) <= 100 else f"{type(value).__name__}(…)"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return clip(repr(value), 40)


def short_repr(obj: object, fields: Iterable[str]) -> str:
    """A repr under `REPR_LIMIT` characters: what ``obj`` is and how big, not all of it.

    Fields keep their order; strings over 40 characters end in "…", collections show
    their size, nested models their kind, and fields past the limit become one "…".

    >>> from careers_impact.reviews.review import Setting
    >>> short_repr(Setting(name="Oak Academy " * 5), ("name", "identifier"))
    "Setting(name='Oak Academy Oak Academy Oak Academy Oak…', identifier=None)"
    """
    name = type(obj).__name__
    parts: list[str] = []
    used = len(name) + 2
    for field in fields:
        part = f"{field}={_brief(getattr(obj, field))}"
        if used + len(part) + 2 > REPR_LIMIT - 3:
            parts.append("…")
            break
        parts.append(part)
        used += len(part) + 2
    return f"{name}({', '.join(parts)})"


def _require_format_version(schema: dict[str, Any]) -> None:
    # A file must state its format: the loaders refuse one without, so the schema does.
    required = schema.setdefault("required", [])
    if "format_version" not in required:
        required.insert(0, "format_version")


#: Added to `Frozen`'s configuration by a file format's top-level model: its JSON Schema
#: requires ``format_version`` although Python code may leave it to its default.
FILE_FORMAT = ConfigDict(json_schema_extra=_require_format_version)


def validation_problems(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem of a pydantic error as (JSON path such as ``themes[0].rows[2]``, message)."""
    problems = []
    for item in error.errors(include_url=False):
        where = ""
        for part in item["loc"]:
            if isinstance(part, int):
                where += f"[{part}]"
            else:
                where += f".{part}" if where else str(part)
        problems.append((where or "(top level)", item["msg"].removeprefix("Value error, ")))
    return problems


M = TypeVar("M", bound=BaseModel)
Convert = Callable[[Any], Any]


def construct(model: type[M], data: Mapping[str, Any]) -> M:
    """``model`` built from trusted data that is already valid, without validating it.

    For the bundled editions: their content is checked against its recorded hash and
    validated in the test suite, so loading them need not build and run the validator.
    Nested models, tuples and dates are built as validation would build them.
    """
    plan = _plan(model)
    values = {name: plan[name](value) if name in plan else value for name, value in data.items()}
    return model.model_construct(**values)


@cache
def _plan(model: type[BaseModel]) -> dict[str, Convert]:
    # Worked out once per model class: how each field's JSON value becomes its value.
    plan = {}
    for name, field in model.model_fields.items():
        convert = _converter(field.annotation)
        if convert is not None:
            plan[name] = convert
    return plan


def _converter(annotation: Any) -> Convert | None:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        options = [_converter(arg) for arg in get_args(annotation) if arg is not type(None)]
        found = next((c for c in options if c is not None), None)
        return None if found is None else (lambda v: None if v is None else found(v))
    if origin is tuple:
        item = _converter(get_args(annotation)[0])
        return tuple if item is None else (lambda v: tuple(item(x) for x in v))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        nested: type[BaseModel] = annotation
        return lambda v: construct(nested, v)
    if annotation is _dt.date:
        return _dt.date.fromisoformat
    return None

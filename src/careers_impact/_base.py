"""Building blocks the package's models share (private: may change)."""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, TypeVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticSerializationError, to_json

from careers_impact.errors import ModelError

if TYPE_CHECKING:
    from typing_extensions import Self

__all__ = [
    "FILE_FORMAT",
    "PATTERN_WORDS",
    "ROW_ID",
    "WHITE_SPACE",
    "ColumnNumber",
    "Frozen",
    "Level",
    "Name",
    "RowId",
    "Text",
    "clip",
    "construct",
    "long_date",
    "say_pattern",
    "short_repr",
    "validation_problems",
]

#: What each pattern a field must match asks, in words, for messages.
PATTERN_WORDS: dict[str, str] = {}


def say_pattern(pattern: str, words: str) -> str:
    """Record what ``pattern`` asks for, in words, and give the pattern back.

    >>> say_pattern(r"^[0-9]{4}$", "a year such as '2026'")
    '^[0-9]{4}$'
    """
    PATTERN_WORDS[pattern] = words
    return pattern


ROW_ID = say_pattern(r"^[1-9]\.[1-9][0-9]?$", "a row id such as '1.3'")
#: A row id such as "1.3": theme number, dot, row number.
RowId = Annotated[str, StringConstraints(pattern=ROW_ID)]
#: Text that is not empty.
Text = Annotated[str, StringConstraints(min_length=1)]
#: A column of the model: 1 to 4.
ColumnNumber = Annotated[int, Field(ge=1, le=4)]
#: A position on the ordinal scale: 0 (not yet at column 1) to 4.
Level = Annotated[int, Field(ge=0, le=4)]

#: White space, the one rule: exactly the characters Python's ``str.strip`` removes
#: (``str.isspace``), the ASCII separators U+001C to U+001F among them. The CSV readers
#: strip cells by it, names and notes are stripped by it when built, and the JSON
#: Schema's pattern for a name lists it, so all three agree.
WHITE_SPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
_NOT_ALL_WHITE = "[^" + "".join(f"\\u{ord(c):04x}" for c in WHITE_SPACE) + "]"


def _stripped(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValueError("must not be empty or only white space")
    return text


#: A person's name, a role, a note or a rationale: text with white space at either end
#: taken off when built (so what is stored is what a file reads back), never empty.
Name = Annotated[
    str,
    AfterValidator(_stripped),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": _NOT_ALL_WHITE}),
]


class Frozen(BaseModel):
    """An immutable model that rejects unknown fields, built from Python exactly as its
    JSON file is read: ``True`` is not a number, a number is not a date. Every problem
    is a `ModelError` listing each, with its field path."""

    # defer_build: a model's validator is built when first used, not at import, so
    # importing the package costs little and loading an edition builds one validator.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def __init__(self, /, **data: Any) -> None:
        # Through JSON: dates become ISO text and tuples lists, as in a file, and then
        # the strict JSON validator the loaders use gives the same verdict.
        raw = _as_json(type(self).__name__, data)
        try:
            type(self).__pydantic_validator__.validate_json(raw, strict=True, self_instance=self)
        except ValidationError as error:
            raise ModelError(type(self).__name__, validation_problems(error)) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise ModelError(
            type(self).__name__,
            [(name, "cannot be changed: a model is frozen; use model_copy(update=...)")],
        )

    # Marks this __init__ as pydantic's own, so that validating a nested model builds it
    # directly instead of calling __init__ again (which would lose the context).
    __init__.__dict__["__pydantic_base_init__"] = True

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: Any = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """``obj`` (a mapping, as a JSON file's object) as this model, judged as
        `__init__` judges; a problem is a `ModelError`."""
        if isinstance(obj, cls):
            return obj
        raw = _as_json(cls.__name__, obj)
        try:
            return cls.model_validate_json(raw, strict=True, context=context)
        except ValidationError as error:
            raise ModelError(cls.__name__, validation_problems(error)) from None

    #: The fields (or properties) a repr shows, most telling first; all fields if empty.
    _repr_fields: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        return short_repr(self, self._repr_fields or tuple(type(self).model_fields))


def _as_json(model: str, data: object) -> bytes:
    try:
        return to_json(data)
    except PydanticSerializationError as error:
        problem = ("(top level)", f"not a value a file can hold: {error}")
        raise ModelError(model, [problem]) from None


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
    """Each problem of a pydantic error as (JSON path such as ``themes[0].rows[2]``,
    message in the package's words); a value that fits none of a field's kinds is one
    problem naming them all.

    >>> from careers_impact.reviews.review import Target
    >>> try:
    ...     Target.__pydantic_validator__.validate_python({"row": "1.1", "column": 7, "x": 1})
    ... except ValidationError as error:
    ...     validation_problems(error)
    [('column', 'must be at most 4'), ('x', 'not a field here')]
    """
    found: dict[str, list[str]] = {}
    for item in error.errors(include_url=False):
        message = _in_our_words(item["type"], item.get("ctx") or {}, item["msg"])
        said = found.setdefault(_location(item["loc"]), [])
        if message not in said:
            said.append(message)
    return [(where, _either(messages)) for where, messages in found.items()]


def _either(messages: list[str]) -> str:
    # "must be a whole number or 'not-yet'", not "must be … or must be …".
    if len(messages) > 1 and all(m.startswith("must be ") for m in messages):
        return "must be " + " or ".join(m.removeprefix("must be ") for m in messages)
    return " or ".join(messages)


# The names pydantic gives a union's branches in a location ("constrained-int",
# "literal[...]", "function-after[...]"), which say nothing to a person.
_BRANCH_NAMES = {"int", "str", "float", "bool", "date", "none", "list", "tuple", "dict"}


def _location(loc: tuple[int | str, ...]) -> str:
    where = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            where += f"[{part}]"
        elif "-" in part or "[" in part or (index and part in _BRANCH_NAMES):
            continue
        else:
            where += f".{part}" if where else part
    return where or "(top level)"


_WORDS = {
    "missing": "required",
    "extra_forbidden": "not a field here",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "date_type": "must be a date written YYYY-MM-DD",
    "date_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date written YYYY-MM-DD",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "string_too_short": "must not be empty",
    "frozen_instance": "cannot be changed",
}


def _in_our_words(kind: str, ctx: dict[str, Any], message: str) -> str:
    if kind in _WORDS:
        return _WORDS[kind]
    # The bounds the models use: Field(ge=..., le=...).
    bounds = {"less_than_equal": ("at most", "le"), "greater_than_equal": ("at least", "ge")}
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx[key]}"
    if kind == "literal_error":
        return f"must be {ctx['expected']}"
    if kind == "string_pattern_mismatch":
        return f"must be {PATTERN_WORDS.get(ctx['pattern'], 'in the form ' + ctx['pattern'])}"
    if kind in ("too_short", "too_long"):
        words = "at least" if kind == "too_short" else "at most"
        return f"must have {words} {ctx.get('min_length', ctx.get('max_length'))} items"
    # Our own validators' messages are already in our words.
    return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")


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

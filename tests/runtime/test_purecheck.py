"""The plain-Python checks (``accountkit_runtime.purecheck``, with ``plainregex`` for patterns) say "yes"
only to what the pydantic models accept, and say it to the common requests, so that those never import
pydantic-core.

``purecheck`` answers "conforms" or "ask pydantic-core", never "no": a "yes" to a value the model refuses
would weaken the checks. So every "yes" is held against the model, on values drawn by hypothesis on every
request model of every API (the same values as tests/runtime/test_fastcheck.py), and every pattern of the
generated checks in the plain subset is compared with pydantic-core's own pattern check on drawn strings.
"""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from pydantic_core import SchemaValidator, core_schema
from test_fastcheck import MODELS, VALID, _accepts_model, _mutate, _names, _values, _where, runtime_module

# The valid requests whose shapes the plain Python checks cover; 2sms's body has an e-mail and a phone
# pattern with groups, outside the plain subset, and is left to pydantic-core.
LEFT_TO_PYDANTIC_CORE = {"twosms.UpdateAccountRequestBody"}


@pytest.mark.parametrize("name", sorted(VALID))
def test_the_valid_requests_are_answered_in_plain_python(name: str) -> None:
    content = json.dumps(VALID[name]).encode()

    answer = runtime_module("purecheck").conforms(*_where(name), content)

    assert answer is (None if name in LEFT_TO_PYDANTIC_CORE else True)


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[name for name, _ in MODELS])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_plain_yes_is_the_models_yes(name: str, model: type[BaseModel], data: st.DataObject) -> None:
    names = sorted(_names(model.model_json_schema(by_alias=True))) or ["x"]
    if name in VALID and data.draw(st.booleans()):
        value = _mutate(VALID[name], data, names)
    else:
        value = data.draw(_values(names))
    content = json.dumps(value, ensure_ascii=data.draw(st.booleans())).encode("utf-8", "surrogatepass")

    answer = runtime_module("purecheck").conforms(*_where(name), content)
    event(f"plain answer: {answer}")  # both occur (--hypothesis-show-statistics)

    assert answer in (True, None)
    if answer:
        assert _accepts_model(model, content), value


def _patterns(schema: Any) -> set[str]:
    if isinstance(schema, list):
        return set().union(*map(_patterns, schema)) if schema else set()
    if not isinstance(schema, dict):
        return set()
    found = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
    return found.union(*map(_patterns, schema.values()))


def _generated_patterns() -> list[str]:
    found: set[str] = set()
    for name, _model in MODELS:
        package, model = _where(name)
        found |= _patterns(json.loads(importlib.import_module(f"{package}._checks").CHECKS[model]))
    return sorted(found)


PATTERNS = _generated_patterns()
# In the plain subset too, beside the specs' own: each branch of the translation (hexadecimal escapes in and
# out of classes, escaped class characters, ranges, negated classes, bounded and lazy repetitions, \Z).
HAND_PATTERNS = [
    "^\\x41+$",
    "^\\x{42}[\\x{61}-\\x{63}]*$",
    "^[\\^a-c\\-]{2,4}$",
    "^\\d{3}-\\d{4}$",
    "^[^0-9 ]+\\.txt$",
    "^\\w+@example\\.com$",
    "^a.??b$",
    "^[A-Z]{2}\\s?\\d{1,3}$",
    "^\\$\\d+$",
    "^[\\t\\x20]?x",
]
PRINTABLE = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)


def _rust_matches(pattern: str, value: str) -> bool:
    return SchemaValidator(core_schema.str_schema(pattern=pattern)).isinstance_python(value)


def test_most_generated_patterns_are_in_the_plain_subset() -> None:
    plainregex = runtime_module("plainregex")
    plain = [pattern for pattern in PATTERNS if plainregex.compiled(pattern) is not None]

    assert len(plain) >= 10, plain
    assert "^[0-9A-Za-z]+$" in plain  # inTandem's business uid: its main call's one pattern


def test_the_hand_written_patterns_are_in_the_plain_subset() -> None:
    plainregex = runtime_module("plainregex")

    assert [pattern for pattern in HAND_PATTERNS if plainregex.compiled(pattern) is None] == []


@pytest.mark.parametrize("pattern", PATTERNS + HAND_PATTERNS)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_a_plain_pattern_finds_what_pydantic_core_finds(pattern: str, data: st.DataObject) -> None:
    plainregex = runtime_module("plainregex")
    compiled = plainregex.compiled(pattern)
    if compiled is not None and data.draw(st.booleans()):
        value = data.draw(st.from_regex(compiled).filter(lambda text: re.fullmatch("[ -~]*", text) is not None))
    else:
        value = data.draw(PRINTABLE | st.text(max_size=10))

    plain = plainregex.matches_plainly(pattern, value)
    event(f"plain: {plain}")

    if compiled is not None and re.fullmatch("[ -~]*", value):
        assert plain == _rust_matches(pattern, value), value
    else:
        assert plain is False


# Where Python's re and Rust's regex differ, or Python's could backtrack for long: not in the subset.
@pytest.mark.parametrize(
    "pattern",
    [
        "^(?=a)ab",  # look-around: Rust has none
        "^[a-z&&[^x]]+$",  # a class set operation (and a nested class): Rust's own
        "^[a-z--x]+$",
        "^(a+)+$",  # a repeated group: exponential backtracking in Python
        "^a*b*c*$",  # several unbounded repetitions: polynomial backtracking
        "^(?:\\+|00)[0-9]",  # alternation in a group
        "^a{,3}$",  # a literal in Python, an error in Rust
        "^\\bword",  # \b: Unicode-aware in Rust
        "^a++$",  # possessive in Python
        "(?i)^abc$",  # flags
        "abc",  # unanchored: a search from every position
        "^[0-9]{1,1000}$",  # a long bounded repetition
    ],
)
def test_patterns_outside_the_plain_subset_are_left_to_pydantic_core(pattern: str) -> None:
    assert runtime_module("plainregex").compiled(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "value"),
    [
        ("^a$", "a\n"),  # Python's $ matches before a final newline, Rust's does not
        ("^\\d+$", "١٢٣"),  # Arabic-Indic digits: \d in both, but only printable ASCII is judged here
        ("^[0-9]+$", "12\t"),
    ],
)
def test_values_outside_printable_ascii_are_left_to_pydantic_core(pattern: str, value: str) -> None:
    assert runtime_module("plainregex").matches_plainly(pattern, value) is False


@pytest.mark.parametrize(
    ("value", "judged"),
    [
        ("3F2504E0-4F89-41D3-9A0C-0305E82C3301", True),
        ("3f2504e04f8941d39a0c0305e82c3301", False),  # pydantic-core's other spellings: its own parser
        ("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", False),
        ("3f2504e0_4f89_41d3_9a0c_0305e82c3301", False),  # not a UUID at all
        ("3f2504e0-4f89-41d3-9a0c-0305e82c330g", False),
    ],
)
def test_only_a_hyphenated_uuid_is_judged_in_plain_python(value: str, judged: bool) -> None:
    content = json.dumps({"id": value}).encode()
    pydantic_core_says = _accepts_model(dict(MODELS)["twosms.UpdateAccountRequestParameters"], content)

    answer = runtime_module("purecheck").conforms("twosms_client", "UpdateAccountRequestParameters", content)

    assert answer is (True if judged else None)
    assert pydantic_core_says or answer is None


def test_a_repeated_key_and_a_lone_surrogate_are_left_to_pydantic_core() -> None:
    purecheck = runtime_module("purecheck")
    package, model = _where("activeplatform.UpdateAccountRequestBody")

    assert purecheck.conforms(package, model, b'{"first_name":"Ann","first_name":"Bo"}') is None
    assert purecheck.conforms(package, model, b'{"first_name":"\\ud800"}') is None
    assert purecheck.conforms(package, model, b'{"first_name":"Ann"}') is True


def test_a_models_first_requests_are_checked_in_plain_python_and_the_rest_by_pydantic_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Plain Python spares a short program pydantic-core's import; the compiled validator is faster per
    request, so a long run switches to it."""
    validation, purecheck = runtime_module("validation"), runtime_module("purecheck")
    asked: list[str] = []
    real = purecheck.conforms
    monkeypatch.setattr(validation, "_plain_python_calls", type(validation._plain_python_calls)())

    def spy(package: str, name: str, content: bytes) -> bool | None:
        asked.append(name)
        return real(package, name, content)  # type: ignore[no-any-return]

    monkeypatch.setattr(purecheck, "conforms", spy)
    package, model = _where("activeplatform.UpdateAccountRequestBody")

    answers = [
        validation._conforms(package, model, b'{"first_name":"Ann"}') for _ in range(validation.PLAIN_PYTHON_CALLS + 5)
    ]

    assert all(answers)
    assert len(asked) == validation.PLAIN_PYTHON_CALLS
    assert validation._conforms(package, model, b'{"first_name":7}') is False  # and the compiled one refuses


# -- shapes, one at a time (hand-written core schemas, each answer held against pydantic-core's) -----------


def _conforms_to(schema: dict[str, Any], value: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> bool | None:
    """``purecheck.conforms`` for ``value`` under ``schema``, given as the only model of a package of its own."""
    from test_fastcheck import _package

    monkeypatch.syspath_prepend(str(tmp_path))
    package = _package(
        tmp_path,
        f"purecheck_shape_{abs(hash(json.dumps(schema)))}",
        f"CHECKS = {{'M': {json.dumps(json.dumps(schema))}}}\n",
    )
    answer = runtime_module("purecheck").conforms(package, "M", json.dumps(value).encode())
    return answer  # type: ignore[no-any-return]


def _pydantic_core_accepts(schema: dict[str, Any], value: Any) -> bool:
    try:
        SchemaValidator(schema).validate_json(json.dumps(value), strict=True)
    except ValueError:
        return False
    return True


INT_FIELD = {"type": "typed-dict-field", "schema": {"type": "int"}, "required": True}
STR_FIELD = {"type": "typed-dict-field", "schema": {"type": "str"}, "required": True}


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ({"type": "list", "items_schema": {"type": "int"}}, []),  # no min_length: an empty list is one
        ({"type": "list", "items_schema": {"type": "int"}, "max_length": 2}, [1, 2]),
        ({"type": "float"}, 1.5),
        ({"type": "float"}, 3),  # a JSON integer is a float's value too
        ({"type": "float"}, -(2**53)),
        ({"type": "dict", "keys_schema": {"type": "str"}, "values_schema": {"type": "int"}}, {}),
        ({"type": "typed-dict", "fields": {"a": INT_FIELD}, "config": {"extra_fields_behavior": "forbid"}}, {"a": 1}),
        ({"type": "typed-dict", "fields": {"a": INT_FIELD}, "extra_behavior": "ignore"}, {"a": 1, "b": "x"}),
    ],
)
def test_each_shape_it_reads_is_answered_in_plain_python(
    schema: dict[str, Any], value: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _pydantic_core_accepts(schema, value)
    assert _conforms_to(schema, value, tmp_path, monkeypatch) is True


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        # A config key it does not read (pydantic-core applies it to every string field): pydantic-core's.
        ({"type": "typed-dict", "fields": {"a": STR_FIELD}, "config": {"str_max_length": 3}}, {"a": "abcd"}),
        ({"type": "typed-dict", "fields": {"a": STR_FIELD}, "config": {"str_to_upper": True}}, {"a": "abcd"}),
        ({"type": "float"}, 2**53 + 1),  # an integer a float does not hold exactly
        ({"type": "list", "items_schema": {"type": "int"}, "min_length": 1}, []),
    ],
)
def test_what_it_does_not_read_or_does_not_accept_is_left_to_pydantic_core(
    schema: dict[str, Any], value: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _conforms_to(schema, value, tmp_path, monkeypatch) is None


def test_a_typed_dict_whose_fields_are_not_a_table_is_left_to_pydantic_core(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = {"type": "typed-dict", "fields": [["a", INT_FIELD]]}

    assert _conforms_to(schema, {"a": 1}, tmp_path, monkeypatch) is None

"""Every pattern of every spec: checked in linear time, and with exactly the ECMA-262 meaning.

The clients check patterns with pydantic's Rust regex engine, translated from the spec's ECMA-262
dialect by the pipeline (accountkit_codegen/spec/patterns.py). Here each pattern is checked through the very
model field the client validates with, against:

- hostile inputs up to 10,000 characters, including the ones that make a backtracking engine take
  exponential time (2sms ``EmailAddress``, PortaBilling ``password``): every field must finish them all
  well within half a second;
- a corpus of valid values (per pattern, below), their mutations and random strings full of the
  characters where dialects differ (Unicode digits and letters, every line terminator, ECMA whitespace,
  astral characters): the verdict must equal JavaScript's own ``RegExp(pattern, "u")`` (node), the
  engine JSON Schema validators such as AJV use.
"""

from __future__ import annotations

import importlib
import json
import random
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.generate import prepare
from accountkit_codegen.spec.specs import load_spec
from pydantic import ValidationError
from support.kits import TwoSmsKit

ROOT = Path(__file__).resolve().parents[2]
SPECS = sorted((ROOT / "specs").glob("*.yaml"))

# Valid values for each pattern in the specs (a new pattern needs its own line here).
SEEDS: dict[str, list[str]] = {
    "^(?:.*[A-Za-z].*[0-9]|.*[0-9].*[A-Za-z]).*$": ["abc123", "1a", "pass word 9", "9 lives\tA"],
    "^(?=.*?\\d.*?\\d.*?\\d.*?\\d.*?\\d)([+]?)([\\d\\s\\(\\)-]{5,20})$": [
        "12345",
        "+44 20 7946 0000",
        "(555) 123-4567",
        "1 2 3 4 5",
    ],
    "^([0-9a-zA-Z]([-.\\w']*[0-9a-zA-Z])*@([0-9a-zA-Z][-\\w']*[0-9a-zA-Z]\\.)+[a-zA-Z]{2,9})$": [
        "ops@example.com",
        "a.b-c'd@sub.example.org",
        "x_y@yy.co",
    ],
    "^(\\+|00)[0-9]": ["+1", "0044 20", "+33 6 12"],
    "^-?[0-9]+(\\.[0-9]+)?$": ["12", "-3.25", "0.5"],
    "^[0-9A-Fa-f]{32}$": ["0123456789abcdefABCDEF0123456789"],
    "^[0-9A-Fa-f]{4}$": ["0aF9"],
    "^[0-9A-Za-z]+$": ["88pzdbz1hmkdoel4"],
    "^[0-9]+$": ["42", "0"],
    "^[0-9]{1,15}$": ["123456789012345", "7"],
    "^[0-9]{18,22}$": ["8944500102198304826"],
    "^[0-9]{6,15}$": ["310150123456789"],
    "^[A-Z]{2}$": ["US"],
    "^[A-Za-z0-9 -]+$": ["SW1A 1AA", "12345-678"],
    "^[A-Za-z0-9@._-]+$": ["ann.lee@example.com", "a_b-c"],
    "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$": ["2022-04-01 00:00:00"],
}
# Where the dialects of Python, Rust and ECMA-262 differ, and what hostile inputs are made of.
TRICKY = [
    *"aZz09_-.@+'() $^\\/!*",
    "\t", "\n", "\r", "\x0b", "\x0c", "\x00", "\x85", "\xa0", "\u1680", "\u2007", "\u2028", "\u2029", "\u202f",
    "\u3000", "\ufeff", "\u0663", "\uff11", "é", "ß", "İ", "K", "\U0001f600",
]  # fmt: skip
HOSTILE_LENGTH = 10_000
TIME_BUDGET = 0.5  # seconds per field for all its hostile inputs (they take milliseconds)


# --------------------------------------------------------------------------------------------------
# Every pattern, and the model field that checks it
# --------------------------------------------------------------------------------------------------


class Site:
    """One pattern at one place of a spec, checked through the generated model field that enforces it."""

    def __init__(self, api: str, schema: dict[str, Any], location: tuple[str, ...], document: dict[str, Any]) -> None:
        self.api, self.schema, self.location = api, schema, location
        self.pattern: str = schema["pattern"]
        self.validate = self._validator(document)

    def __repr__(self) -> str:
        return f"{self.api}:{'.'.join(self.location)}"

    def _validator(self, document: dict[str, Any]) -> Callable[[str], None]:
        schemas = importlib.import_module(f"{self.api}_client.schemas")
        match self.location:
            case ("components", "schemas", name, "properties", field) | (
                "components",
                "schemas",
                name,
                "properties",
                field,
                "anyOf" | "oneOf",
                _,  # a string branch
            ):
                return _field_validator(getattr(schemas, name), field)
            case ("components", "schemas", name):
                return lambda value: getattr(schemas, name).model_validate(value, strict=True)
            case ("paths", path, method, "parameters", index, "schema"):
                operation = document["paths"][path][method]
                parameters_model, _ = prepare.request_model_names(operation)
                assert parameters_model is not None, f"{path} {method}: parameters but no parameters model"
                name = operation["parameters"][int(index.strip("[]"))]["name"]
                return _field_validator(getattr(schemas, parameters_model), name)
        raise AssertionError(f"{self!r}: no rule maps this location to its model field; add one")

    def expected(self, ecma_verdict: bool, value: str) -> bool:
        """The spec's verdict: the pattern (as JavaScript reads it) and the length limits beside it."""
        unhandled = set(self.schema) - {
            "type",
            "pattern",
            "minLength",
            "maxLength",
            "description",
            "examples",
            "readOnly",
        }
        assert not {key for key in unhandled if not key.startswith("x-")}, f"{self!r}: constraints {unhandled}"
        return (
            ecma_verdict
            and len(value) >= self.schema.get("minLength", 0)
            and len(value) <= self.schema.get("maxLength", len(value))
        )

    def accepts(self, value: str) -> bool:
        try:
            self.validate(value)
        except ValidationError:
            return False
        return True


def _field_validator(model: Any, wire_name: str) -> Callable[[str], None]:
    (name,) = [name for name, field in model.model_fields.items() if wire_name in (name, field.alias)]
    instance = model.model_construct()
    return lambda value: model.__pydantic_validator__.validate_assignment(instance, name, value, strict=True)


def all_sites() -> list[Site]:
    sites = []
    for path in SPECS:
        document = load_spec(path)
        for schema, location, _ in prepare.linear_patterns(prepare.for_python(document), path):
            sites.append(Site(path.stem, schema, location, document))
    return sites


SITES = all_sites()


def test_every_spec_pattern_is_covered() -> None:
    assert len(SITES) >= 20  # every API's patterns are here (not an empty parametrisation)
    assert {site.api for site in SITES} >= {"activeplatform", "intandem", "portabilling", "twosms"}
    missing = {site.pattern for site in SITES} - set(SEEDS)
    assert not missing, f"give valid examples of these patterns in SEEDS: {missing}"


# --------------------------------------------------------------------------------------------------
# Time: hostile inputs up to 10k characters
# --------------------------------------------------------------------------------------------------


def hostile_inputs(pattern: str, length: int = HOSTILE_LENGTH) -> list[str]:
    """Long runs of one character, of a valid value, and of near-misses, each with a bad ending."""
    alphabet = sorted(set(TRICKY) | {char for seed in SEEDS[pattern] for char in seed})
    values = []
    for unit in [*alphabet, *SEEDS[pattern], "a.", "a-", "1 ", "a1", "0a", "@a"]:
        run = (unit * (length // len(unit) + 1))[: length - 1]
        values += [run, run + "!", run + "\n", "!" + run, run[: length // 2] + "\n" + run[: length // 2]]
    # The classic exponential cases of a backtracking engine, short and long.
    for n in sorted({min(n, length - 1) for n in (20, 28, 40, length - 1)}):
        values += ["a" * n + "!", "0" * n + "@", "a" * n + "@" + "a" * n, "1" * n + "\u2028"]
    return values


@pytest.mark.parametrize("site", SITES, ids=repr)
def test_no_input_makes_a_pattern_slow(site: Site) -> None:
    values = hostile_inputs(site.pattern)
    started = time.perf_counter()
    for value in values:
        site.accepts(value)
    took = time.perf_counter() - started
    assert took < TIME_BUDGET, f"{site!r}: {len(values)} hostile values took {took:.2f}s"


# --------------------------------------------------------------------------------------------------
# Meaning: the same verdict as JavaScript's RegExp with the u flag
# --------------------------------------------------------------------------------------------------

_NODE_SCRIPT = """
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const verdicts = cases.map(([pattern, values]) => {
    const regex = new RegExp(pattern, "u");
    return values.map((value) => regex.test(value));
  });
  process.stdout.write(JSON.stringify(verdicts));
});
"""


def corpus(pattern: str, seed: int) -> list[str]:
    """Valid values, their one-character mutations and random strings of tricky characters."""
    rng = random.Random(seed)
    seeds = SEEDS[pattern]
    alphabet = sorted(set(TRICKY) | {char for value in seeds for char in value})
    values = list(seeds)
    for value in seeds:
        values += [value + "\n", "\n" + value, value + value, value[:-1], value[1:], value.upper(), value + "\u2028"]
        for _ in range(150):
            position = rng.randrange(len(value) + 1)
            char = rng.choice(alphabet)
            values += [
                value[:position] + char + value[position:],
                value[:position] + char + value[position + 1 :],
                value[:position] + value[position + 1 :],
            ]
    for _ in range(300):
        values.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25))))
    values += hostile_inputs(pattern, 16)  # short: JavaScript's own engine backtracks
    return list(dict.fromkeys(values))


@pytest.fixture(scope="module")
def ecma_verdicts() -> dict[str, list[bool]]:
    """Each pattern's corpus judged by node's RegExp (the ECMA-262 reference), computed in one run."""
    node = shutil.which("node")
    assert node, "node is needed (./dev installs the Node tools with it)"
    patterns = sorted({site.pattern for site in SITES})
    cases = [[pattern, corpus(pattern, seed=index)] for index, pattern in enumerate(patterns)]
    result = subprocess.run(
        [node, "-e", _NODE_SCRIPT], input=json.dumps(cases), capture_output=True, text=True, timeout=120, check=True
    )
    return dict(zip(patterns, json.loads(result.stdout), strict=True))


@pytest.mark.parametrize("site", SITES, ids=repr)
def test_a_pattern_means_what_it_means_in_ecma_262(site: Site, ecma_verdicts: dict[str, list[bool]]) -> None:
    patterns = sorted({s.pattern for s in SITES})
    values = corpus(site.pattern, seed=patterns.index(site.pattern))
    expected = [
        site.expected(verdict, value) for verdict, value in zip(ecma_verdicts[site.pattern], values, strict=True)
    ]
    assert True in expected and False in expected  # the corpus tells valid from invalid

    wrong = [(value, want) for value, want in zip(values, expected, strict=True) if site.accepts(value) != want]

    assert not wrong, f"{site!r}: {len(wrong)} of {len(values)} verdicts differ from ECMA-262, e.g. {wrong[:5]}"


# --------------------------------------------------------------------------------------------------
# Through a real call, sync and async: refused at once, nothing sent
# --------------------------------------------------------------------------------------------------

EXPONENTIAL_EMAIL = "a" * 28 + "!"  # seconds with a backtracking engine; the limit is the input's length


def _slow_body() -> Any:
    from twosms_client.models import AccountV3

    return AccountV3(
        contact_number="1" * 9_999 + "\u2028",
        email_address=EXPONENTIAL_EMAIL * 300,
        sms_password="SmsPass-SECRET-1",
        sms_username="ops",
        time_zone="GMT Standard Time",
    )


def test_a_hostile_value_is_refused_at_once(twosms: TwoSmsKit) -> None:
    client = twosms.connect()
    started = time.perf_counter()
    with pytest.raises(twosms.errors.RequestValidationError) as caught:
        twosms.call(client, body=_slow_body())
    assert time.perf_counter() - started < 2.0  # did not hang
    assert {where for where, _ in caught.value.errors} == {"body.ContactNumber", "body.EmailAddress"}
    assert twosms.server.requests == []


@pytest.mark.anyio
async def test_a_hostile_value_does_not_block_the_event_loop(twosms: TwoSmsKit) -> None:
    async with twosms.connect() as client:
        started = time.perf_counter()
        with pytest.raises(twosms.errors.RequestValidationError, match="body.EmailAddress"):
            await twosms.acall(client, body=_slow_body())
    assert time.perf_counter() - started < 2.0
    assert twosms.server.requests == []

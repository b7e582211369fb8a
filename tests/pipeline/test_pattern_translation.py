"""The pipeline turns ECMA-262 patterns into linear-time Rust regexes with the same meaning, or refuses them.

Meaning is checked against JavaScript itself (node's ``RegExp`` with the ``u`` flag, as JSON Schema
validators compile patterns) on the constructs where the dialects differ; refusal is one ``SpecError``
naming the spec location, for anything the linear-time engine cannot check faithfully.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from accountkit_codegen.generate import modules, prepare
from accountkit_codegen.spec.patterns import PatternError, linear_checks
from accountkit_codegen.spec.specs import SpecError
from pydantic import TypeAdapter, ValidationError
from pydantic_core import SchemaValidator, core_schema

# One pattern per construct whose meaning differs between ECMA-262, Python's re and Rust's regex.
CONSTRUCTS = [
    r"^\d+$",  # ASCII digits only in ECMA; Unicode digits in Python and Rust
    r"^\w+$",  # ASCII word characters only in ECMA
    r"^\s*x\s*$",  # ECMA whitespace includes U+FEFF, excludes U+0085
    r"^\S+$",
    r"^[^\d\s]+$",
    r"^[\D]+$",  # a negated class escape inside a class
    r"^.+$",  # . stops at \r, U+2028, U+2029 (not only \n); an astral character is one (u flag)
    r"^a$",  # $ is the very end, not before a final newline
    r"a|^b$|c$",
    r"^[a-c&&b]+$",  # && and [ are literal in an ECMA class, set operations in Rust
    r"^[[~\-\]^]+$",
    r"^[]$",  # matches nothing
    r"^[^]$",  # any one character
    r"^\u00e9\x41\u{1F600}\uD83D\uDE00\cJ\0$",
    r"^(?<word>[a-z]{2,3}?)+(?:-\1x)?$".replace(r"(?:-\1x)?", ""),  # a named group, a lazy counted quantifier
    r"^(?=.*\d)(?=.*[a-z])[\w.]{3,}$",  # two leading lookaheads
    r"^(?=(?:a|b)+$).*$",
    r"x{2,}|\.\*\+\?\(\)\[\]\{\}\|\/\^\$",
]
ALPHABET = [*"abcxAZ09_.-&[]~^*+?(){}|/$\\", " ", "\t", "\n", "\r", "\x0b", "\x85", "\xa0", "\u2028", "\ufeff",
            "\u0663", "\uff10", "é", "K", "\U0001f600", "\x00", "\x41"]  # fmt: skip


def _corpus(pattern: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    values = ["", "x", "x\n", "abc", "a1b", "ab1.", "abab", "b", "xx", "a&b~", "éA\U0001f600\U0001f600\n\x00"]
    values += ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 8))) for _ in range(1500)]
    return list(dict.fromkeys(values))


def _node_verdicts(cases: list[tuple[str, list[str]]]) -> list[list[bool]]:
    node = shutil.which("node")
    assert node, "node is needed (./dev installs the Node tools with it)"
    script = (
        'let s="";process.stdin.on("data",c=>s+=c);process.stdin.on("end",()=>{'
        "process.stdout.write(JSON.stringify(JSON.parse(s).map(([p,vs])=>{const r=new RegExp(p,'u');"
        "return vs.map(v=>r.test(v));})));});"
    )
    result = subprocess.run([node, "-e", script], input=json.dumps(cases), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    verdicts: list[list[bool]] = json.loads(result.stdout)
    return verdicts


def test_translations_mean_what_ecma_262_means() -> None:
    cases = [(pattern, _corpus(pattern, index)) for index, pattern in enumerate(CONSTRUCTS)]
    verdicts = _node_verdicts(cases)
    wrong = []
    for (pattern, values), expected in zip(cases, verdicts, strict=True):
        matchers = [SchemaValidator(core_schema.str_schema(pattern=check)) for check in linear_checks(pattern).checks]
        assert False in expected and (True in expected or pattern == "^[]$"), pattern  # the corpus discriminates
        for value, want in zip(values, expected, strict=True):
            if all(matcher.isinstance_python(value) for matcher in matchers) != want:
                wrong.append((pattern, value, want))
    assert not wrong, f"{len(wrong)} verdicts differ from ECMA-262, e.g. {wrong[:8]}"


def test_a_leading_lookahead_becomes_separate_checks() -> None:
    checks = linear_checks(r"^(?=.*\d)(?=.*[a-z])\w{3,}$").checks
    assert checks == (
        r"^(?:[^\n\r\x{2028}\x{2029}]*[0-9])",
        r"^(?:[^\n\r\x{2028}\x{2029}]*[a-z])",
        r"^[0-9A-Za-z_]{3,}$",
    )
    assert all("(?=" not in check for check in checks)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        (r"^(a)\1$", "backreferences"),
        (r"^(?<x>a)\k<x>$", "backreferences"),
        (r"(?<=a)b", "lookaround"),
        (r"^(?!admin)\w+$", "lookaround"),
        (r"^a(?=b)", "lookaround"),
        (r"(?=a)a", "lookaround"),  # not anchored: the lookahead may apply anywhere
        (r"^(?=a)b|c", "top-level alternation"),
        (r"^\p{L}+$", "property escapes"),
        (r"\bword\b", "word boundaries"),
        (r"(?i)abc", "flag groups"),
        (r"^a{2$", "quantifier"),
        (r"^[z-a]$", "out of order"),
        (r"^\'$", "not a valid escape"),
        (r"^\uD800$", "lone surrogates"),
        (r"((a)", "unclosed group"),
        (r"a)", "unbalanced"),
        (r"*a", "nothing to repeat"),
        (r"^(?:(?:a{1000}){1000}){1000}$", "refuses the translation"),  # too big for the engine
        ("(" * 200 + ")" * 200, "nested deeper"),
    ],
)
def test_patterns_it_cannot_check_in_linear_time_are_refused(pattern: str, reason: str) -> None:
    with pytest.raises(PatternError, match=reason):
        linear_checks(pattern)


def _document(pattern: str, **extra: Any) -> dict[str, Any]:
    schema = {"type": "string", "pattern": pattern, **extra}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "paths": {},
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "properties": {"code": schema},
                    "examples": [{"pattern": r"not a pattern: (\1"}],  # data, not a schema
                }
            }
        },
    }


def test_the_pipeline_names_the_location_of_a_refused_pattern() -> None:
    with pytest.raises(SpecError) as caught:
        prepare.for_pydantic(_document(r"^(\w+)\s\1$"), Path("specs/demo.yaml"), "demo_client")

    message = str(caught.value)
    assert message.startswith("specs/demo.yaml: components.schemas.Thing.properties.code.pattern: ")
    assert "backreferences cannot be matched in linear time" in message


def test_a_lookahead_on_a_formatted_string_is_refused() -> None:
    with pytest.raises(SpecError, match="format would not be checked"):
        prepare.for_pydantic(_document(r"^(?=.*\d).+$", format="email"), Path("specs/demo.yaml"), "demo_client")


def test_the_pydantic_view_gets_the_linear_forms() -> None:
    plain = prepare.for_pydantic(_document(r"^\d+$"), Path("x.yaml"), "demo_client")
    assert plain["components"]["schemas"]["Thing"]["properties"]["code"]["pattern"] == "^[0-9]+$"
    assert plain["components"]["schemas"]["Thing"]["examples"] == [{"pattern": r"not a pattern: (\1"}]

    split = prepare.for_pydantic(_document(r"^(?=.*\d)\w+$"), Path("x.yaml"), "demo_client")
    code = split["components"]["schemas"]["Thing"]["properties"]["code"]
    assert "pattern" not in code
    assert code["customTypePath"] == "demo_client._patterns.ThingCodePattern"
    module = modules.patterns_module(_document(r"^(?=.*\d)\w+$"), Path("x.yaml"))
    namespace: dict[str, Any] = {}
    exec(module, namespace)  # noqa: S102
    assert namespace["__all__"] == ["ThingCodePattern"]
    checked = TypeAdapter(namespace["ThingCodePattern"])
    assert checked.validate_python("ab1") == "ab1"
    with pytest.raises(ValidationError, match=r"String should match pattern '\^\(\?=\.\*\\d\)\\w\+\$'"):
        checked.validate_python("abc")  # the error names the spec's own pattern
    with pytest.raises(ValidationError):
        checked.validate_python("1-1")


def test_translation_is_fast_even_for_long_patterns() -> None:
    started = time.perf_counter()
    linear_checks("^" + "(?:ab|cd)?" * 300 + "$")
    assert time.perf_counter() - started < 5.0  # did not hang

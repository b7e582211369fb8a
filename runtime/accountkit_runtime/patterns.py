"""A spec ``pattern`` checked as several linear-time regexes, all of which a value must match.

Every pattern in ``<package>.schemas`` runs on pydantic's default engine, the Rust ``regex`` crate, which
matches in time linear in the input: a hostile or unlucky value cannot make validation hang, as it
could with Python's backtracking ``re`` (see ``accountkit_codegen/spec/patterns.py``, which translates the
spec's ECMA-262 patterns). That engine has no lookaround, so a pattern with a leading lookahead,
``^(?=A)B``, is generated as two regexes, ``^A`` and ``^B``, and its field is typed
``Annotated[str, SpecPattern(<the spec's pattern>, <the regexes>)]`` (in ``<package>._patterns``).
An error names the spec's own pattern, like pydantic's error for a single one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, SchemaValidator, core_schema


@dataclass(frozen=True)
class SpecPattern:
    """``pattern`` (as the spec writes it) holds exactly when every one of ``checks`` (Rust regexes) is found."""

    pattern: str
    checks: tuple[str, ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        matchers = [SchemaValidator(core_schema.str_schema(pattern=check)) for check in self.checks]
        pattern = self.pattern

        def check(value: str) -> str:
            for matcher in matchers:
                if not matcher.isinstance_python(value):
                    raise PydanticCustomError(
                        "string_pattern_mismatch", "String should match pattern '{pattern}'", {"pattern": pattern}
                    )
            return value

        # The checks, as data, for the generator's plain checks (``<package>._checks``): a function is not data.
        return core_schema.no_info_after_validator_function(
            check, handler(source), metadata={"accountkit_spec_pattern_checks": self.checks}
        )

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        json_schema = handler(schema)
        json_schema["pattern"] = self.pattern
        return json_schema

"""The one table of spec-diff rules: every kind of change the differ reports, with its level and section.

A rule id names one kind of change (``request-property-removed``), and the table gives it everything
the rest of the toolkit needs to know: its **level** (``breaking``, ``warning``, ``info``), the
**changelog section** a release files it under, the **direction** it applies to (``request`` for what
the client sends, ``response`` for what it receives, ``both`` or ``none``) and one line saying what it
means. ``specdiff`` emits changes by rule id, ``versioning`` derives the bump from the section and
``changelog`` files each change under its section: none of them classifies a change on its own.

The levels, for the users of a generated client:

- ``breaking``: code that worked against the old client can fail against the new one (a major bump);
- ``warning``: the client still works, but code that relied on what the old spec promised may not (a
  response that may now be longer, carry a new enum value, ...): a minor bump, listed under Warnings;
- ``info``: an addition or a change nobody's code can trip over (minor), or words only (patch).

docs/diff-rules.md lists this table and how it maps to oasdiff's rules (``oasdiffmap``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..generate.semver import Bump

Level = Literal["breaking", "warning", "info"]
Section = Literal["Breaking", "Warnings", "Added", "Changed", "Documentation"]
Direction = Literal["request", "response", "both", "none"]

LEVELS: tuple[Level, ...] = ("breaking", "warning", "info")
# The changelog's headings, in the order a release entry lists them.
SECTIONS: tuple[Section, ...] = ("Breaking", "Warnings", "Added", "Changed", "Documentation")
SECTION_BUMPS: dict[Section, Bump] = {
    "Breaking": "major",
    "Warnings": "minor",
    "Added": "minor",
    "Changed": "minor",
    "Documentation": "patch",
}


@dataclass(frozen=True)
class Rule:
    """One kind of change: its id, level, changelog section, direction and what it means."""

    id: str
    level: Level
    section: Section
    direction: Direction
    summary: str

    def __post_init__(self) -> None:
        # The level decides the section for breaking and warning changes; info ones choose among the rest.
        expected = {"breaking": ("Breaking",), "warning": ("Warnings",)}.get(self.level)
        allowed = expected or ("Added", "Changed", "Documentation")
        if self.section not in allowed:
            raise ValueError(f"rule {self.id}: a {self.level} change belongs under {' or '.join(allowed)}")

    @property
    def bump(self) -> Bump:
        """The semver part a release with this change must bump (before the below-1.0 shift)."""
        return SECTION_BUMPS[self.section]


def _rule(rule_id: str, level: Level, section: Section, direction: Direction, summary: str) -> Rule:
    return Rule(rule_id, level, section, direction, summary)


# Short names keep the table readable.
BRK: Level = "breaking"
WRN: Level = "warning"
INF: Level = "info"
REQ: Direction = "request"
RES: Direction = "response"
BOTH: Direction = "both"
NONE: Direction = "none"

_TABLE: tuple[Rule, ...] = (
    # -- operations, webhooks and the document ----------------------------------------------------------
    _rule("operation-added", INF, "Added", NONE, "a new operation: a new generated function"),
    _rule("operation-removed", BRK, "Breaking", NONE, "an operation removed: its generated function is gone"),
    _rule("operation-moved", BRK, "Breaking", NONE, "the same operationId under a new path or method"),
    _rule("operation-renamed", BRK, "Breaking", NONE, "operationId changed: the generated function is renamed"),
    _rule("operation-tag-changed", BRK, "Breaking", NONE, "first tag changed: the function moves to another module"),
    _rule("webhook-added", INF, "Added", NONE, "a new webhook the vendor may call"),
    _rule("webhook-removed", BRK, "Breaking", NONE, "a webhook removed: code receiving it no longer gets called"),
    _rule(
        "security-changed",
        BRK,
        "Breaking",
        NONE,
        "the operation's security requirements changed: users send other credentials",
    ),
    _rule(
        "security-scheme-changed",
        BRK,
        "Breaking",
        NONE,
        "a security scheme in use changed: the generated authentication changes",
    ),
    _rule("servers-changed", INF, "Changed", NONE, "the default base URLs changed"),
    _rule("operation-keyword-changed", INF, "Changed", NONE, "an operation's servers or callbacks changed"),
    _rule("deprecation-changed", INF, "Changed", NONE, "something was deprecated or is no longer deprecated"),
    _rule("behaviour-changed", INF, "Changed", NONE, "x-idempotent changed: the client's retries follow it"),
    _rule(
        "enum-names-changed",
        BRK,
        "Breaking",
        NONE,
        "x-enum-varnames renamed an enum member (VALUE_2 -> PHONE_LINE): code naming the old member fails",
    ),
    _rule("description-changed", INF, "Documentation", NONE, "a title, summary, description or tag text changed"),
    _rule("example-changed", INF, "Documentation", NONE, "examples changed"),
    _rule("extension-changed", INF, "Documentation", NONE, "an x- annotation changed"),
    _rule("other-change", INF, "Documentation", NONE, "a change outside what any operation uses"),
    # -- parameters (what the client sends) -------------------------------------------------------------
    _rule("parameter-added", INF, "Added", REQ, "an optional parameter added: a new keyword argument"),
    _rule("required-parameter-added", BRK, "Breaking", REQ, "a required parameter added: calls without it fail"),
    _rule("parameter-removed", BRK, "Breaking", REQ, "a parameter removed: calls passing it fail"),
    _rule("parameter-now-required", BRK, "Breaking", REQ, "a parameter became required"),
    _rule("parameter-now-optional", INF, "Changed", REQ, "a parameter became optional"),
    _rule(
        "parameter-default-changed",
        BRK,
        "Breaking",
        REQ,
        "a parameter default added, changed or removed: callers omitting it now send something else",
    ),
    _rule("parameter-serialization-changed", INF, "Changed", REQ, "style, explode or allowReserved changed"),
    # -- request bodies ---------------------------------------------------------------------------------
    _rule("request-body-added", INF, "Added", REQ, "an optional request body added"),
    _rule("required-request-body-added", BRK, "Breaking", REQ, "a required request body added"),
    _rule("request-body-removed", BRK, "Breaking", REQ, "the request body removed"),
    _rule("request-body-now-required", BRK, "Breaking", REQ, "the request body became required"),
    _rule("request-body-now-optional", INF, "Changed", REQ, "the request body became optional"),
    _rule("request-media-type-added", INF, "Added", REQ, "a request media type added"),
    _rule(
        "request-media-type-removed",
        BRK,
        "Breaking",
        REQ,
        "a request media type removed: the client can no longer send it",
    ),
    # -- responses --------------------------------------------------------------------------------------
    _rule("response-status-added", INF, "Added", RES, "a response status added"),
    _rule("response-status-removed", BRK, "Breaking", RES, "a response status removed: its parsed model is gone"),
    _rule("response-media-type-added", INF, "Added", RES, "a response media type added"),
    _rule(
        "response-media-type-removed",
        BRK,
        "Breaking",
        RES,
        "a response media type removed: the client no longer parses it",
    ),
    _rule("response-header-added", INF, "Added", RES, "a response header added"),
    _rule("response-required-header-removed", BRK, "Breaking", RES, "a required response header removed"),
    _rule("response-optional-header-removed", WRN, "Warnings", RES, "an optional response header removed"),
    _rule("response-header-now-optional", BRK, "Breaking", RES, "a response header may now be missing"),
    _rule("response-header-now-required", INF, "Changed", RES, "a response header is now always sent"),
    # -- schemas of what the client sends ----------------------------------------------------------------
    _rule("request-property-added", INF, "Added", REQ, "an optional request property added"),
    _rule("request-required-property-added", BRK, "Breaking", REQ, "a required request property added"),
    _rule("request-property-removed", BRK, "Breaking", REQ, "a request property removed: code setting it fails"),
    _rule("request-property-now-required", BRK, "Breaking", REQ, "a request property became required"),
    _rule("request-property-now-optional", INF, "Changed", REQ, "a request property became optional"),
    _rule(
        "request-property-now-read-only",
        BRK,
        "Breaking",
        REQ,
        "a request property became readOnly: the client leaves it out of requests (with a warning), so the "
        "change a caller makes with it no longer happens",
    ),
    _rule("request-property-no-longer-read-only", INF, "Changed", REQ, "a request property may now be sent"),
    _rule(
        "request-read-only-property-changed",
        INF,
        "Changed",
        REQ,
        "a change inside a readOnly request property, which the client never sends",
    ),
    _rule(
        "request-default-changed",
        BRK,
        "Breaking",
        REQ,
        "a request default added, changed or removed: the generated model sends the default by itself",
    ),
    _rule(
        "request-type-changed",
        BRK,
        "Breaking",
        REQ,
        "a request value's type changed: values of the old type are refused",
    ),
    _rule("request-type-narrowed", BRK, "Breaking", REQ, "a request value accepts fewer types"),
    _rule("request-type-widened", INF, "Changed", REQ, "a request value accepts more types"),
    _rule("request-nullable-removed", BRK, "Breaking", REQ, "a request value may no longer be null"),
    _rule("request-nullable-added", INF, "Changed", REQ, "a request value may now be null"),
    _rule("request-enum-added", BRK, "Breaking", REQ, "a request value was restricted to a list (or a const)"),
    _rule("request-enum-removed", INF, "Changed", REQ, "a request value is no longer restricted to a list"),
    _rule("request-enum-value-added", INF, "Added", REQ, "a request enum accepts a new value"),
    _rule("request-enum-value-removed", BRK, "Breaking", REQ, "a request enum value removed"),
    _rule("request-format-added", BRK, "Breaking", REQ, "a request value gained a format"),
    _rule("request-format-changed", BRK, "Breaking", REQ, "a request value's format changed"),
    _rule("request-format-removed", INF, "Changed", REQ, "a request value lost its format"),
    _rule("request-pattern-added", BRK, "Breaking", REQ, "a request value gained a pattern"),
    _rule("request-pattern-changed", BRK, "Breaking", REQ, "a request pattern changed (it may refuse old values)"),
    _rule("request-pattern-removed", INF, "Changed", REQ, "a request pattern removed"),
    _rule(
        "request-constraint-tightened",
        BRK,
        "Breaking",
        REQ,
        "a request bound, multipleOf, uniqueItems or additionalProperties: false tightened",
    ),
    _rule("request-constraint-loosened", INF, "Changed", REQ, "a request bound or constraint loosened"),
    _rule(
        "request-keyword-added",
        BRK,
        "Breaking",
        REQ,
        "a request schema gained a validation keyword (not, if/then/else, contains, dependentRequired, ...)",
    ),
    _rule("request-keyword-changed", BRK, "Breaking", REQ, "a validation keyword of a request schema changed"),
    _rule("request-keyword-removed", INF, "Changed", REQ, "a validation keyword of a request schema removed"),
    _rule("request-variant-added", INF, "Added", REQ, "a request oneOf/anyOf accepts a new branch"),
    _rule("request-variant-removed", BRK, "Breaking", REQ, "a request oneOf/anyOf branch removed"),
    # -- schemas of what the client receives -------------------------------------------------------------
    _rule("response-property-added", INF, "Added", RES, "a response property added"),
    _rule("response-property-removed", BRK, "Breaking", RES, "a response property removed: code reading it fails"),
    _rule("response-property-now-optional", BRK, "Breaking", RES, "a response property may now be missing"),
    _rule("response-property-now-required", INF, "Changed", RES, "a response property is now always present"),
    _rule(
        "response-property-now-write-only",
        BRK,
        "Breaking",
        RES,
        "a response property became writeOnly: the vendor stops sending it",
    ),
    _rule("response-property-no-longer-write-only", INF, "Changed", RES, "a response property is now sent back"),
    _rule(
        "response-write-only-property-changed",
        INF,
        "Changed",
        RES,
        "a change inside a writeOnly response property, which the vendor never sends",
    ),
    _rule("response-default-changed", INF, "Documentation", RES, "a response default changed (documentation only)"),
    _rule(
        "response-type-changed",
        BRK,
        "Breaking",
        RES,
        "a response value's type changed: the generated attribute's type too",
    ),
    _rule("response-type-widened", BRK, "Breaking", RES, "a response value may have more types"),
    _rule("response-type-narrowed", INF, "Changed", RES, "a response value has fewer possible types"),
    _rule("response-nullable-added", BRK, "Breaking", RES, "a response value may now be null"),
    _rule("response-nullable-removed", INF, "Changed", RES, "a response value is never null any more"),
    _rule("response-enum-added", INF, "Changed", RES, "a response value is now restricted to a list"),
    _rule("response-enum-removed", BRK, "Breaking", RES, "a response enum dropped: its generated class is gone"),
    _rule(
        "response-enum-value-added",
        WRN,
        "Warnings",
        RES,
        "a response enum value added: the client keeps it, code matching every value may not",
    ),
    _rule(
        "response-enum-value-removed",
        BRK,
        "Breaking",
        RES,
        "a response enum value removed: its member leaves the generated enum class",
    ),
    _rule("response-format-added", INF, "Changed", RES, "a response value gained a format"),
    _rule(
        "response-format-changed",
        WRN,
        "Warnings",
        RES,
        "a response value's format changed: code may rely on the old one",
    ),
    _rule("response-format-removed", WRN, "Warnings", RES, "a response value lost its format: code may rely on it"),
    _rule("response-pattern-added", INF, "Changed", RES, "a response value gained a pattern"),
    _rule("response-pattern-changed", WRN, "Warnings", RES, "a response pattern changed: code may rely on the old one"),
    _rule("response-pattern-removed", WRN, "Warnings", RES, "a response pattern removed: code may rely on it"),
    _rule(
        "response-constraint-loosened",
        WRN,
        "Warnings",
        RES,
        "a response bound widened or removed (maxLength, minimum, maxItems, ...): code may rely on it",
    ),
    _rule("response-constraint-tightened", INF, "Changed", RES, "a response bound or constraint tightened"),
    _rule("response-keyword-added", INF, "Changed", RES, "a response schema gained a validation keyword"),
    _rule(
        "response-keyword-changed",
        WRN,
        "Warnings",
        RES,
        "a validation keyword of a response schema changed: code may rely on it",
    ),
    _rule(
        "response-keyword-removed",
        WRN,
        "Warnings",
        RES,
        "a validation keyword of a response schema removed: code may rely on it",
    ),
    _rule("response-variant-added", BRK, "Breaking", RES, "a response oneOf/anyOf may be a new branch"),
    _rule("response-variant-removed", INF, "Changed", RES, "a response oneOf/anyOf branch removed"),
    # -- schemas, either way -----------------------------------------------------------------------------
    _rule(
        "format-type-changed",
        BRK,
        "Breaking",
        BOTH,
        "a date, date-time, uuid or binary format added, removed or changed: the Python type changes",
    ),
    _rule("schema-renamed", BRK, "Breaking", BOTH, "a model or enum component renamed: its generated class too"),
    _rule("component-renamed", INF, "Documentation", BOTH, "a component without a generated class renamed"),
    _rule(
        "schema-structure-changed",
        BRK,
        "Breaking",
        BOTH,
        "a oneOf/anyOf introduced or removed: the generated type changes shape",
    ),
    _rule("schema-keyword-changed", INF, "Changed", BOTH, "another schema keyword changed (discriminator, xml, ...)"),
    _rule(
        "access-annotation-changed",
        INF,
        "Documentation",
        BOTH,
        "readOnly or writeOnly changed where it has no effect (readOnly in a response, ...)",
    ),
)


def index_rules(table: tuple[Rule, ...]) -> dict[str, Rule]:
    """The rules of ``table`` by id; a duplicate id (a typo in the table) fails at import, not as a silently
    shadowed rule."""
    rules = {rule.id: rule for rule in table}
    if len(rules) != len(table):
        duplicates = sorted({rule.id for rule in table if sum(other.id == rule.id for other in table) > 1})
        raise ValueError(f"duplicate rule id in diffrules._TABLE: {', '.join(duplicates)}")
    return rules


RULES: dict[str, Rule] = index_rules(_TABLE)


def rule(rule_id: str) -> Rule:
    """The rule named ``rule_id``; ``KeyError`` names an id that is not in the table."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"no spec-diff rule {rule_id!r} in diffrules.RULES") from None

"""A spec pattern (Rust ``regex`` syntax, as pydantic-core runs it) judged with Python's ``re``, where the two
are sure to agree and to take linear time.

``purecheck`` answers "does this request conform" without pydantic-core for the common shapes; a string
field with a pattern is one of them when both hold:

- the pattern is in a plain subset: anchored at the start (``^``), no groups, alternation, flags or
  look-around, no character class set operations (``&&``, ``--``, ``~~``) or nested classes, escapes
  from a short list, and at most one unbounded repetition and a few short bounded ones, so a backtracking
  engine cannot take more than linear time on it (pydantic-core's engine is linear on any pattern);
- the value is printable ASCII (space to ``~``): there ``\\d``, ``\\w``, ``\\s``, ``.`` and ``$`` mean the
  same in both engines (they differ on other digits, letters, spaces, and a final newline).

Anything else returns None: ask pydantic-core.
"""

from __future__ import annotations

import re
from functools import cache

_HEX = re.compile(r"x\{([0-9A-Fa-f]{1,6})\}|x([0-9A-Fa-f]{2})")
_QUANTIFIER = re.compile(r"(?:[*+?]|\{(\d+)\}|\{(\d+),(\d*)\})\??")
_ESCAPED_PUNCTUATION = set("\\.+*?()|[]{}^$#&-~")  # Rust's meta characters, each escaped alike in Python
_CLASS_ESCAPES = set("dws")  # and the negations, outside classes only: dDwWsS
_LITERAL = re.compile(r"[A-Za-z0-9 @_',:/#=!%&~\"<>;`-]")
_LONGEST_BOUND = 100  # a bounded repetition longer than this could backtrack too long: ask pydantic-core
_MOST_BOUNDED = 3  # bounded repetitions of varying length in one pattern


def matches_plainly(pattern: str, value: str) -> bool:
    """True if ``value`` surely matches ``pattern`` as pydantic-core finds it; False: ask pydantic-core
    (no match, or the pattern or value is outside the plain subset)."""
    if not (value.isascii() and value.isprintable()):  # ASCII's printable characters: space to ~
        return False
    found = compiled(pattern)
    return found is not None and found.search(value) is not None


@cache
def compiled(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` in Python's syntax if it is in the plain subset, else None."""
    if not pattern.isascii() or not pattern.startswith("^"):
        return None
    out, i, end = ["^"], 1, len(pattern)
    unbounded = bounded = 0
    while i < end:
        if pattern[i] == "$" and i == end - 1:
            out.append(r"\Z")  # the end of the value, as Rust's $ (Python's $ also matches before a final \n)
            i += 1
            continue
        atom, i = _atom(pattern, i)
        if atom is None:
            return None
        out.append(atom)
        quantifier = _QUANTIFIER.match(pattern, i)
        if quantifier is not None:
            text = quantifier.group(0)
            exact, low, high = quantifier.groups()
            if text.rstrip("?") in ("*", "+") or (low is not None and high == ""):
                unbounded += 1
            elif low is not None:
                if int(high) > _LONGEST_BOUND or int(high) < int(low):
                    return None
                bounded += int(high) > int(low)
            elif exact is not None and int(exact) > _LONGEST_BOUND:
                return None
            out.append(text)
            i = quantifier.end()
            if i < end and pattern[i] in "*+?{":  # possessive or doubled repetition: not in the subset
                return None
    if unbounded > 1 or bounded > _MOST_BOUNDED:
        return None
    try:
        return re.compile("".join(out))
    except re.error:
        return None


def _atom(pattern: str, i: int) -> tuple[str | None, int]:
    """The atom at ``pattern[i]`` in Python's syntax and the index after it; None: not in the subset."""
    char = pattern[i]
    if char == "[":
        return _class(pattern, i)
    if char == "\\":
        escape, after = _escape(pattern, i + 1, in_class=False)
        return escape, after
    if char == "." or _LITERAL.fullmatch(char):
        return char, i + 1
    return None, i


def _escape(pattern: str, i: int, *, in_class: bool) -> tuple[str | None, int]:
    """The escape whose letter is at ``pattern[i]`` (after the backslash), in Python's syntax."""
    if i >= len(pattern):
        return None, i
    char = pattern[i]
    hexadecimal = _HEX.match(pattern, i)
    if hexadecimal is not None:
        code = int(hexadecimal.group(1) or hexadecimal.group(2), 16)
        return (f"\\U{code:08x}" if code <= 0x10FFFF else None), hexadecimal.end()
    if char in _ESCAPED_PUNCTUATION:
        return "\\" + char, i + 1
    if char in "tnrfv":
        return "\\" + char, i + 1
    if char in _CLASS_ESCAPES or (not in_class and char.lower() in _CLASS_ESCAPES):
        return "\\" + char, i + 1
    return None, i


def _class(pattern: str, i: int) -> tuple[str | None, int]:
    """The character class opening at ``pattern[i]``, in Python's syntax."""
    out, i = ["["], i + 1
    if i < len(pattern) and pattern[i] == "^":
        out.append("^")
        i += 1
    first = True
    while i < len(pattern):
        char = pattern[i]
        if char == "]" and not first:
            return "".join(out) + "]", i + 1
        if char == "[" or pattern.startswith(("&&", "--", "~~"), i) or char == "]":
            return None, i  # nested classes and set operations: Rust's own
        if char == "\\":
            escape, i = _escape(pattern, i + 1, in_class=True)
            if escape is None:
                return None, i
            out.append(escape)
        elif _LITERAL.fullmatch(char) or char in ".+*?(){}|$^":
            out.append("\\" + char if char in "^-" and not (char == "-" and not first) else char)
            i += 1
        else:
            return None, i
        first = False
    return None, i

"""A spec's ``pattern`` (ECMA-262, as JSON Schema defines it) as regexes that match in linear time.

Why not Python's ``re``: it backtracks, and some vendor patterns take exponential time on short input
(2sms ``EmailAddress`` needs seconds on a 28-character value, PortaBilling ``password`` grows with the
cube of the length), which would let one bad value freeze a caller's thread or event loop. The clients
check patterns with pydantic's default engine instead, the Rust ``regex`` crate: it never backtracks,
so a match costs time linear in the input, whatever the pattern. In exchange it has no lookaround and no
backreferences, and its dialect differs from ECMA-262's.

``linear_checks`` therefore translates a pattern into Rust syntax with ECMA meaning (``\\d`` and ``\\w``
are ASCII, ``\\s`` is ECMA's whitespace, ``.`` stops at every line terminator, ``$`` is the very end),
and splits a leading lookahead, ``^(?=A)B``, into a conjunction of two lookaround-free regexes, ``^A``
and ``^B``: both start at the beginning of the string, so a value matches the pattern exactly when it
matches both. Anything else that the engine cannot run in linear time, or whose ECMA meaning the
translation does not reproduce (backreferences, other lookarounds, ``\\p{…}``, flag groups, lone
surrogates), is a ``PatternError``, which the pipeline reports as a ``SpecError`` naming the location.

The translation follows ECMA-262 with the ``u`` flag, as JSON Schema validators such as AJV (Prism)
compile patterns: a pattern is a sequence of code points, and only syntax characters and ``/`` may be
escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

# ECMA-262 WhiteSpace and LineTerminator, the meaning of \s; written as Rust escapes.
_ECMA_WHITESPACE = r"\t\n\x0B\x0C\r\x20\xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}"
_ECMA_LINE_TERMINATORS = r"\n\r\x{2028}\x{2029}"
_CLASS_ESCAPES = {"d": "0-9", "w": "0-9A-Za-z_", "s": _ECMA_WHITESPACE}
_SYNTAX_CHARACTERS = set("^$\\.*+?()[]{}|")
_RUST_META = set("\\.+*?()|[]{}^$#&-~")  # escaped wherever they appear as literals
_CONTROL_ESCAPES = {"t": 0x09, "n": 0x0A, "v": 0x0B, "f": 0x0C, "r": 0x0D}
_MAX_NESTING = 50


class PatternError(ValueError):
    """The pattern cannot be checked in linear time with its ECMA-262 meaning; says why."""


@dataclass(frozen=True)
class LinearPattern:
    """A spec pattern and the Rust regexes that check it: a value must match (be found by) every one."""

    ecma: str
    checks: tuple[str, ...]


def _char(code: int) -> str:
    """One code point as a Rust regex literal."""
    char = chr(code)
    if char in _RUST_META:
        return "\\" + char
    if char.isascii() and char.isprintable():
        return char
    return f"\\x{{{code:X}}}"


class _Translator:
    """A recursive-descent reader of the ECMA-262 pattern grammar that writes the Rust equivalent."""

    def __init__(self, pattern: str) -> None:
        self.source = pattern
        self.pos = 0
        self.depth = 0

    # -- helpers --------------------------------------------------------------------------------
    def fail(self, problem: str) -> PatternError:
        return PatternError(f"{problem} (at offset {self.pos})")

    def peek(self, text: str) -> bool:
        return self.source.startswith(text, self.pos)

    def at_end(self) -> bool:
        return self.pos >= len(self.source)

    # -- grammar --------------------------------------------------------------------------------
    def disjunction(self) -> str:
        alternatives = [self.alternative()]
        while self.peek("|"):
            self.pos += 1
            alternatives.append(self.alternative())
        return "|".join(alternatives)

    def alternative(self) -> str:
        out: list[str] = []
        while not self.at_end() and not self.peek("|") and not self.peek(")"):
            out.append(self.term())
        return "".join(out)

    def term(self) -> str:
        char = self.source[self.pos]
        if char == "^":
            self.pos += 1
            self.no_quantifier("^")
            return "^"
        if char == "$":
            self.pos += 1
            self.no_quantifier("$")
            return "$"
        if self.peek("\\b") or self.peek("\\B"):
            raise self.fail("word boundaries (\\b, \\B) are not supported")
        if self.peek("(?=") or self.peek("(?!") or self.peek("(?<=") or self.peek("(?<!"):
            raise self.fail(
                "lookaround is only supported as leading lookaheads, ^(?=A)B, with no top-level alternation "
                "(the linear-time engine has no lookaround; those are split into separate checks)"
            )
        atom = self.atom()
        return atom + self.quantifier()

    def no_quantifier(self, what: str) -> None:
        if not self.at_end() and self.source[self.pos] in "*+?{":
            raise self.fail(f"nothing to repeat after {what}")

    def quantifier(self) -> str:
        if self.at_end():
            return ""
        char = self.source[self.pos]
        if char in "*+?":
            self.pos += 1
            quantifier = char
        elif char == "{":
            end = self.source.find("}", self.pos)
            body = self.source[self.pos + 1 : end] if end != -1 else ""
            low, comma, high = body.partition(",")
            if end == -1 or not low.isdigit() or not (high.isdigit() or high == "") or not low.isascii():
                raise self.fail("'{' must start a quantifier {n}, {n,} or {n,m}; write \\{ for a literal brace")
            if high and not high.isascii():
                raise self.fail("quantifier bounds must be ASCII digits")
            if high and int(high) < int(low):
                raise self.fail(f"quantifier {{{body}}} has its bounds in the wrong order")
            self.pos = end + 1
            quantifier = "{" + str(int(low)) + ("," + (str(int(high)) if high else "") if comma else "") + "}"
        else:
            return ""
        if self.peek("?"):  # lazy: the same set of matching strings
            self.pos += 1
            quantifier += "?"
        return quantifier

    def atom(self) -> str:
        char = self.source[self.pos]
        if char == ".":
            self.pos += 1
            return f"[^{_ECMA_LINE_TERMINATORS}]"
        if char == "\\":
            return self.atom_escape()
        if char == "[":
            return self.character_class()
        if char == "(":
            return self.group()
        if char in "*+?":
            raise self.fail(f"nothing to repeat before {char!r}")
        if char in "{}]":
            raise self.fail(f"a lone {char!r} is a syntax error in ECMA-262 with the u flag; escape it")
        self.pos += 1
        return _char(self.code_point(char))

    def code_point(self, char: str) -> int:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            raise self.fail("lone surrogates cannot be matched by the linear-time engine")
        return code

    def enter(self) -> None:
        """One group (or lookahead) deeper: the nesting is bounded, so a hostile pattern cannot exhaust the stack."""
        self.depth += 1
        if self.depth > _MAX_NESTING:
            raise self.fail(f"groups nested deeper than {_MAX_NESTING} levels")

    def closed(self, what: str) -> str:
        """The translated disjunction up to the ``)`` that closes ``what`` (entered with ``enter``), past it."""
        inner = self.disjunction()
        if not self.peek(")"):
            raise self.fail(f"unclosed {what}")
        self.pos += 1
        self.depth -= 1
        return inner

    def group(self) -> str:
        self.enter()
        if self.peek("(?:"):
            self.pos += 3
        elif self.peek("(?<"):
            end = self.source.find(">", self.pos)
            name = self.source[self.pos + 3 : end] if end != -1 else ""
            if not name.isidentifier():
                raise self.fail("invalid group name")
            self.pos = end + 1
        elif self.peek("(?"):
            raise self.fail("'(?' must start (?:…), (?<name>…) or a lookaround; flag groups are not ECMA-262")
        else:
            self.pos += 1
        return f"(?:{self.closed('group')})"  # capturing or not, the set of matching strings is the same

    def atom_escape(self) -> str:
        letter = self.source[self.pos + 1 : self.pos + 2]
        if not letter:
            raise self.fail("the pattern ends with a lone backslash")
        if letter in "dws":
            self.pos += 2
            return f"[{_CLASS_ESCAPES[letter]}]"
        if letter in "DWS":
            self.pos += 2
            return f"[^{_CLASS_ESCAPES[letter.lower()]}]"
        if letter.isdigit() and letter != "0" or letter == "k":
            raise self.fail("backreferences cannot be matched in linear time")
        return _char(self.character_escape())

    def character_escape(self, *, in_class: bool = False) -> int:
        """The code point of the escape at ``pos`` (``\\n``, ``\\x41``, ``\\u00e9``, ``\\u{1F600}``, ``\\.``, …)."""
        letter = self.source[self.pos + 1 : self.pos + 2]
        if letter in _CONTROL_ESCAPES:
            self.pos += 2
            return _CONTROL_ESCAPES[letter]
        if letter == "0" and not self.source[self.pos + 2 : self.pos + 3].isdigit():
            self.pos += 2
            return 0
        if letter == "c":
            control = self.source[self.pos + 2 : self.pos + 3]
            if not (control.isascii() and control.isalpha()):
                raise self.fail("\\c must be followed by an ASCII letter")
            self.pos += 3
            return ord(control) % 32
        if letter == "x":
            return self.hex_escape(2, 2)
        if letter == "u":
            if self.source[self.pos + 2 : self.pos + 3] == "{":
                end = self.source.find("}", self.pos)
                digits = self.source[self.pos + 3 : end] if end != -1 else ""
                if not digits or not all(c in "0123456789abcdefABCDEF" for c in digits) or int(digits, 16) > 0x10FFFF:
                    raise self.fail("invalid \\u{…} escape")
                self.pos = end + 1
                return self.checked(int(digits, 16))
            code = self.hex_escape(2, 4)
            if 0xD800 <= code <= 0xDBFF and self.peek("\\u"):  # a surrogate pair is one code point
                start = self.pos
                low = self.hex_escape(2, 4)
                if 0xDC00 <= low <= 0xDFFF:
                    return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                self.pos = start
            return self.checked(code)
        if letter in _SYNTAX_CHARACTERS or letter == "/" or (in_class and letter == "-"):
            self.pos += 2
            return ord(letter)
        if letter in "pP":
            raise self.fail("Unicode property escapes (\\p{…}) are not supported")
        raise self.fail(f"\\{letter} is not a valid escape in ECMA-262 with the u flag")

    def hex_escape(self, skip: int, count: int) -> int:
        digits = self.source[self.pos + skip : self.pos + skip + count]
        if len(digits) != count or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise self.fail(f"\\{self.source[self.pos + 1]} needs {count} hex digits")
        self.pos += skip + count
        return int(digits, 16)

    def checked(self, code: int) -> int:
        if 0xD800 <= code <= 0xDFFF:
            raise self.fail("lone surrogates cannot be matched by the linear-time engine")
        return code

    def character_class(self) -> str:
        self.pos += 1
        negated = self.peek("^")
        if negated:
            self.pos += 1
        members: list[str] = []
        while not self.peek("]"):
            if self.at_end():
                raise self.fail("unclosed character class")
            start = self.class_atom()
            if self.peek("-") and not self.source.startswith("]", self.pos + 1) and self.pos + 1 < len(self.source):
                self.pos += 1
                end = self.class_atom()
                if isinstance(start, str) or isinstance(end, str):
                    raise self.fail("a class escape (\\d, \\w, \\s, …) cannot bound a range")
                if end < start:
                    raise self.fail("a range in a character class is out of order")
                members.append(f"{_char(start)}-{_char(end)}")
            else:
                members.append(start if isinstance(start, str) else _char(start))
        self.pos += 1
        if not members:  # ECMA: [] matches nothing, [^] any character; Rust has no empty class
            return r"[\x{0}-\x{10FFFF}]" if negated else r"[^\x{0}-\x{10FFFF}]"
        return ("[^" if negated else "[") + "".join(members) + "]"

    def class_atom(self) -> int | str:
        """A code point, or (for \\d, \\W, …) a nested Rust class."""
        char = self.source[self.pos]
        if char != "\\":
            self.pos += 1
            return self.code_point(char)
        letter = self.source[self.pos + 1 : self.pos + 2]
        if letter in "dws":
            self.pos += 2
            return _CLASS_ESCAPES[letter]
        if letter in "DWS":
            self.pos += 2
            return f"[^{_CLASS_ESCAPES[letter.lower()]}]"
        if letter == "b":  # backspace inside a class
            self.pos += 2
            return 0x08
        if letter.isdigit() and letter != "0" or letter == "k":
            raise self.fail("backreferences cannot be matched in linear time")
        return self.character_escape(in_class=True)


def _leading_lookaheads(translator: _Translator) -> list[str]:
    """The bodies of the lookaheads right after a leading ``^``, each translated; ``pos`` moves past them."""
    bodies: list[str] = []
    while translator.peek("(?="):
        translator.pos += 3
        translator.enter()
        bodies.append(translator.closed("lookahead"))
        translator.no_quantifier("a lookahead")
    return bodies


def linear_checks(pattern: str) -> LinearPattern:
    """The Rust regexes that, all found in a string, mean the string matches the ECMA-262 ``pattern``.

    One regex for a pattern without lookaround; for ``^(?=A1)(?=A2)…B`` one per lookahead, ``^(?:A1)``,
    and one for the rest, ``^B``. Raises ``PatternError`` for anything it cannot translate faithfully.
    """
    translator = _Translator(pattern)
    lookaheads: list[str] = []
    if translator.peek("^(?="):
        translator.pos += 1
        lookaheads = _leading_lookaheads(translator)
        main = "^" + translator.alternative()
        if translator.peek("|"):
            raise translator.fail("leading lookaheads before a top-level alternation cannot be split")
    else:
        main = translator.disjunction()
    if not translator.at_end():
        raise translator.fail("unbalanced ')'")
    checks = (*(f"^(?:{body})" for body in lookaheads), main)
    for check in checks:
        _compile(check)
    return LinearPattern(pattern, checks)


def _compile(rust: str) -> None:
    """Compile ``rust`` with the engine the clients use (pydantic-core's), so a refusal happens here."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=rust, regex_engine="rust-regex"))
    except SchemaError as exc:
        detail = " ".join(line.strip() for line in str(exc).splitlines()[1:] if line.strip())
        raise PatternError(f"the linear-time engine refuses the translation {rust!r}: {detail}") from None

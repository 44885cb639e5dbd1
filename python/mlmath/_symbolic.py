"""The expression grammar of ``symbolic_derivative``, read into sympy.

The reference backend differentiates with sympy, but sympy's own parser would
accept more than the grammar (implicit multiplication, any Python) and would
report errors without positions. So this module reads the grammar itself, with
the same tokens, the same rules and the same error messages (positions
included) as the Go package ``mlmath/symbolic``, and builds the sympy
expression directly:

    expr    = term { ("+" | "-") term }
    term    = factor { ("*" | "/") factor }
    factor  = ("+" | "-") factor | power
    power   = primary [ ("^" | "**") factor ]        right-associative; -x^2 = -(x^2)
    primary = number | name | name "(" expr ")" | "(" expr ")"

Numbers are Python float literals (``2``, ``.5``, ``1e-3``); names are
variables, except ``pi`` and ``E`` (the constants, as in sympy) and the
functions sin cos tan exp log sqrt tanh sigmoid abs (also ``Abs`` and
``sign``, which derivatives print). Python's keywords are not names.
"""

from __future__ import annotations

import keyword
import math
import re
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

#: The deepest nesting of signs, powers, calls and parentheses accepted (as Go).
MAX_DEPTH = 1000
FUNCTIONS = ("sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sigmoid", "abs", "Abs", "sign")

_NUMBER = re.compile(r"[0-9]*(?:\.[0-9]*)?")
_SPACE = " \t\n\r\f\v"

#: A sympy expression (sympy has no type information).
_Expr = Any


class GrammarError(ValueError):
    """An expression outside the grammar; the message names the position."""


def _quote_rune(c: str) -> str:
    """A character quoted as Go's %q quotes a rune."""
    named = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", "'": "\\'"}
    if c in named:
        return f"'{named[c]}'"
    if c.isprintable():
        return f"'{c}'"
    o = ord(c)
    if o < 0x80:
        return f"'\\x{o:02x}'"
    return f"'\\u{o:04x}'" if o < 0x10000 else f"'\\U{o:08x}'"


def _syntax(pos: int, what: str) -> GrammarError:
    return GrammarError(f"syntax error: {what} at position {pos}")


class _Token:
    __slots__ = ("kind", "pos", "text", "value")

    def __init__(self, kind: str, pos: int, text: str = "", value: float = 0.0) -> None:
        self.kind, self.pos, self.text, self.value = kind, pos, text, value

    def describe(self) -> str:
        if self.kind == "eof":
            return "end of input"
        if self.kind == "number":
            return f'number "{self.text}"'
        if self.kind == "name":
            return f'name "{self.text}"'
        return f"'{self.text}'"

    def starts_operand(self) -> bool:
        return self.kind in ("number", "name", "(")


def _tokens(src: str) -> Iterator[_Token]:
    """Yield the tokens of src, raising GrammarError at the first bad character."""
    i, n = 0, len(src)
    while True:
        while i < n and src[i] in _SPACE:
            i += 1
        if i == n:
            yield _Token("eof", i)
            return
        c = src[i]
        if c.isascii() and c.isdigit() or c == "." and i + 1 < n and src[i + 1].isascii() and src[i + 1].isdigit():
            start = i
            number = _NUMBER.match(src, i)
            assert number is not None  # the pattern matches "" too
            i = number.end()
            if i < n and src[i] in "eE":
                i += 1
                if i < n and src[i] in "+-":
                    i += 1
                if not (i < n and src[i].isascii() and src[i].isdigit()):
                    raise _syntax(start, f'malformed number "{src[start:i]}"')
                while i < n and src[i].isascii() and src[i].isdigit():
                    i += 1
            text = src[start:i]
            value = float(text)
            if math.isinf(value):
                raise _syntax(start, f'number "{text}" out of range')
            yield _Token("number", start, text, value)
        elif c.isascii() and (c.isalpha() or c == "_"):
            start = i
            while i < n and src[i].isascii() and (src[i].isalnum() or src[i] == "_"):
                i += 1
            yield _Token("name", start, src[start:i])
        elif src.startswith("**", i):
            yield _Token("^", i, "**")
            i += 2
        elif c in "+-*/^()":
            yield _Token(c, i, c)
            i += 1
        else:
            raise _syntax(i, f"unexpected character {_quote_rune(c)}")


class _Parser:
    """Recursive descent over the grammar, building sympy objects."""

    def __init__(self, src: str, sympy: ModuleType) -> None:
        self.sp = sympy
        self.tokens = _tokens(src)
        self.tok = next(self.tokens)
        self.depth = 0
        x = sympy.Symbol("x")
        self.functions = {
            "sin": sympy.sin,
            "cos": sympy.cos,
            "tan": sympy.tan,
            "exp": sympy.exp,
            "log": sympy.log,
            "sqrt": sympy.sqrt,
            "tanh": sympy.tanh,
            "sigmoid": sympy.Lambda(x, 1 / (1 + sympy.exp(-x))),
            "abs": sympy.Abs,
            "Abs": sympy.Abs,
            "sign": sympy.sign,
        }

    def advance(self) -> None:
        self.tok = next(self.tokens)

    def unexpected(self) -> GrammarError:
        err = _syntax(self.tok.pos, f"unexpected {self.tok.describe()}")
        if self.tok.starts_operand():
            return GrammarError(f"{err} (implicit multiplication is not supported; write '*')")
        return err

    def parse(self) -> _Expr:
        if self.tok.kind == "eof":
            raise _syntax(0, "empty expression")
        e = self.expr()
        if self.tok.kind != "eof":
            raise self.unexpected()
        return e

    def expr(self) -> _Expr:
        x = self.term()
        while self.tok.kind in "+-" and self.tok.kind != "eof":
            minus = self.tok.kind == "-"
            self.advance()
            y = self.term()
            x = x - y if minus else x + y
        return x

    def term(self) -> _Expr:
        x = self.factor()
        while self.tok.kind in ("*", "/"):
            inv = self.tok.kind == "/"
            self.advance()
            y = self.factor()
            x = x / y if inv else x * y
        return x

    def factor(self) -> _Expr:
        self.depth += 1
        try:
            if self.depth - 1 > MAX_DEPTH:
                raise _syntax(self.tok.pos, f"expression nested more than {MAX_DEPTH} deep")
            if self.tok.kind in ("+", "-"):
                minus = self.tok.kind == "-"
                self.advance()
                x = self.factor()
                return -x if minus else x
            return self.power()
        finally:
            self.depth -= 1

    def power(self) -> _Expr:
        base = self.primary()
        if self.tok.kind != "^":
            return base
        self.advance()
        return self.sp.Pow(base, self.factor())

    def primary(self) -> _Expr:
        t = self.tok
        if t.kind == "number":
            self.advance()
            return self.sp.Rational(t.text)  # exact: the derivative keeps 1/1000, not 0.001000000
        if t.kind == "name":
            self.advance()
            if self.tok.kind == "(":
                if t.text not in self.functions:
                    raise GrammarError(f'unknown function "{t.text}" at position {t.pos}')
                return self.functions[t.text](self.parenthesized())
            return self.name(t.text, t.pos)
        if t.kind == "(":
            return self.parenthesized()
        raise self.unexpected()

    def parenthesized(self) -> _Expr:
        self.advance()
        x = self.expr()
        if self.tok.kind == ")":
            self.advance()
            return x
        if self.tok.kind == "eof":
            raise _syntax(self.tok.pos, "missing ')'")
        raise self.unexpected()

    def name(self, s: str, pos: int) -> _Expr:
        if s == "pi":
            return self.sp.pi
        if s == "E":
            return self.sp.E
        if s in FUNCTIONS:
            raise _syntax(pos, f"function \"{s}\" without '(' after it")
        if keyword.iskeyword(s):
            raise _syntax(pos, f'reserved word "{s}"')
        return self.sp.Symbol(s, real=True)  # real: d|x|/dx = sign(x), as in Go


def check_variable(variable: str) -> None:
    """GrammarError unless ``variable`` is a name the grammar reads as a variable."""
    ok = bool(variable) and variable.isascii() and (variable[0].isalpha() or variable[0] == "_")
    ok = ok and all(c.isalnum() or c == "_" for c in variable)
    if not ok or variable in ("pi", "E") or variable in FUNCTIONS or keyword.iskeyword(variable):
        raise GrammarError(f'syntax error: invalid variable name "{variable}"')


def parse(expression: str, sympy: ModuleType) -> _Expr:
    """The sympy expression for ``expression``, or GrammarError."""
    # Each level of nesting costs the recursive descent about six Python
    # frames: make room for MAX_DEPTH levels, so that the depth error comes
    # from the grammar's rule, as in Go, and not from Python's limit.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 8 * MAX_DEPTH + 1000))
    try:
        return _Parser(expression, sympy).parse()
    finally:
        sys.setrecursionlimit(limit)


def arguments(func: str, expression: str, variable: str) -> tuple[str, str]:
    """``expression`` and ``variable`` checked the same way for both backends:
    TypeError unless both are str, ValueError for text that is not valid
    Unicode (a lone surrogate) or for a variable the grammar does not read
    as one."""
    for name, v in (("expression", expression), ("variable", variable)):
        if not isinstance(v, str):
            raise TypeError(f"{func}: {name} must be a str, got {type(v).__name__} {v!r}")
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{func}: {name} is not valid text: it holds a lone surrogate") from None
    try:
        check_variable(variable)
    except GrammarError as e:
        raise ValueError(f"{func}: {e}") from None
    return expression, variable


def sympy_derivative(func: str, expression: str, variable: str) -> str:
    """str(sympy.diff(expression, variable)) for the grammar's expression."""
    expression, variable = arguments(func, expression, variable)
    try:
        import sympy
    except ImportError as e:  # pragma: no cover - sympy is in requirements-dev
        raise ImportError(f"{func}: the reference backend needs sympy (pip install sympy)") from e
    try:
        tree = parse(expression, sympy)
    except GrammarError as e:
        raise ValueError(f"{func}: {e}") from None
    return str(sympy.diff(tree, sympy.Symbol(variable, real=True)))

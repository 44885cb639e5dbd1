"""Types of the extension ``mlmath._fastpath`` (bindings/fastpath.c): the
small-call path of mlmath.go, which takes only plain float64 vectors and
returns None whenever the general path must run instead."""

def dot(v: object, w: object, /) -> float | None: ...

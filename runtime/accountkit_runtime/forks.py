"""State that must not cross ``os.fork()``: objects registered here start afresh in a forked child.

A forked child holds copies of its parent's objects: pooled keep-alive sockets (if both processes
use one, either may read the answer meant for the other), locks (held forever in the child if
another parent thread held them at the moment of the fork: the thread is not copied) and tokens.
Each registered object's ``_after_fork()`` runs in the child right after the fork, before any of its
code can, as psycopg and redis-py pools do; it drops what is the parent's (without closing it: the
sockets stay the parent's) and makes new locks.

The registry holds weak references: registering keeps nothing alive.
"""

from __future__ import annotations

import os
import weakref
from typing import Any, Protocol


class ForkAware(Protocol):
    def _after_fork(self) -> None: ...


_registered: weakref.WeakSet[Any] = weakref.WeakSet()


def renew_in_child(obj: ForkAware) -> None:
    """Have ``obj._after_fork()`` called in every child forked from now on."""
    _registered.add(obj)


def _after_fork_in_child() -> None:
    for obj in list(_registered):
        obj._after_fork()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_after_fork_in_child)

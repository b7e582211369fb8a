"""One value per event loop: what must not be shared between loops, and is forgotten with its loop.

An ``httpx.AsyncClient``'s connections and an ``asyncio.Lock``'s waiters belong to the event loop
that made them; used from another loop (a second ``asyncio.run()``, another thread's loop) they
fail, e.g. with ``RuntimeError('Event loop is closed')``. ``PerLoop`` keeps one value per loop,
made on first use in that loop, and drops the values of loops that have closed or been collected.

Loops are held by weak reference and compared by identity, never by ``id()``: a new loop may get the
address, and so the ``id()``, of a collected one.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The running event loop, if any. Found without importing asyncio: a program that never imported
    it runs no loop, and a sync program need not pay for its import."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return None
    try:
        return asyncio.get_running_loop()  # type: ignore[no-any-return]
    except RuntimeError:
        return None


def _reference(loop: asyncio.AbstractEventLoop) -> Callable[[], Any]:
    try:
        return weakref.ref(loop)
    except TypeError:  # a loop implementation without weak references: closed ones are still dropped
        return lambda: loop


class PerLoop(Generic[T]):
    """One value per running event loop; ``get`` outside a loop gives one that the next loop adopts."""

    def __init__(self, dropped: Callable[[T], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._entries: list[tuple[Callable[[], Any] | None, T]] = []  # (loop reference or None: unbound, value)
        # Told of each value forgotten because its loop is gone (outside the lock), e.g. to let it go quietly.
        self._dropped = dropped

    def get(self, make: Callable[[], T], usable: Callable[[T], bool] = lambda value: True) -> T:
        """This loop's value: made on first use, and made anew when ``usable`` says the old one is not."""
        loop = running_loop()
        if loop is not None:  # the common case, every call: this loop's value is there and usable
            for ref, value in self._entries:  # the list is replaced, never changed in place: no lock needed
                if ref is not None and ref() is loop:
                    if usable(value):
                        return value
                    break
        with self._lock:
            entries, gone = self._live()
            index = self._find(entries, loop)
            if index is None:
                value = make()
                entries.append((None if loop is None else _reference(loop), value))
            else:
                ref, value = entries[index]
                if ref is None and loop is not None:  # made outside any loop: adopted by the first that asks
                    ref = _reference(loop)
                if not usable(value):
                    value = make()
                entries[index] = (ref, value)
            self._entries = entries
        self._let_go(gone)
        return value

    def peek(self) -> T | None:
        """The value ``get`` would give now, if there is one (nothing is made)."""
        loop = running_loop()
        with self._lock:
            entries, _ = self._live()
            index = self._find(entries, loop)
            return None if index is None else entries[index][1]

    @staticmethod
    def _find(entries: list[tuple[Callable[[], Any] | None, T]], loop: asyncio.AbstractEventLoop | None) -> int | None:
        if loop is not None:
            for index, (ref, _) in enumerate(entries):
                if ref is not None and ref() is loop:
                    return index
        for index, (ref, _) in enumerate(entries):
            if ref is None:
                return index
        return None

    def _live(self) -> tuple[list[tuple[Callable[[], Any] | None, T]], list[T]]:
        """The entries whose loop is alive or unbound, and the values of the others."""
        kept, gone = [], []
        for ref, value in self._entries:
            if ref is not None:
                loop = ref()
                if loop is None or loop.is_closed():
                    gone.append(value)  # its loop is gone: so is the value's use
                    continue
            kept.append((ref, value))
        return kept, gone

    def _let_go(self, gone: list[T]) -> None:
        if self._dropped is not None:
            for value in gone:
                self._dropped(value)

    def __del__(self) -> None:
        # Collected with its client: nobody can use its values any more, whether their loop has closed
        # or still runs (a ``with_options`` copy made per call), so every one is let go as ``get`` lets go.
        with contextlib.suppress(Exception):
            self._let_go([value for _, value in self._entries])

    def __len__(self) -> int:
        with self._lock:
            self._entries, gone = self._live()
            count = len(self._entries)
        self._let_go(gone)
        return count

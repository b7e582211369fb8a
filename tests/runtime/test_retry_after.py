"""Retry-After and retry-after-ms from a hostile or careless server; backoff with very many retries.

A usable hint (a positive number of seconds, or a future HTTP date) is honoured up to 60 s;
``retry-after-ms`` is honoured first. Anything else (zero, a past date, negative, ``nan``, ``inf``,
garbage) is no hint: the exponential backoff applies, never a zero or unbounded wait. The backoff
itself stays finite and capped however many retries are configured.
"""

from __future__ import annotations

import datetime
import email.utils
import time
from typing import TYPE_CHECKING

import pytest
from pytest import MonkeyPatch
from support.kits import OctopushKit

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import RecordSleeps

BACKOFF_FIRST = (0.25, 0.5)  # the default policy's first wait: 0.5 s with jitter down to half


def answer_503_then_201(octopush: OctopushKit, **headers: str) -> None:
    server = octopush.server
    server.route(
        "PATCH", octopush.path, server.Reply(503, json={"message": "busy"}, headers=headers), server.Reply(201, json={})
    )


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "0.0",
        "-5",
        "-0.5",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e400",
        "1e3",
        "+5",
        "1_0",
        "soon",
        "5 seconds",
        "",
        "   ",
        "\x1b[31m9",
        pytest.param(email.utils.formatdate(time.time() - 3600, usegmt=True), id="a date an hour ago"),
        "Mon, 99 Foo 2024 25:61:61 GMT",
    ],
)
def test_a_useless_retry_after_means_backoff(value: str, octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    answer_503_then_201(octopush, **{"Retry-After": value})
    client = octopush.connect(fast=False)

    octopush.call(client)

    (delay,) = sleeps.delays
    assert BACKOFF_FIRST[0] <= delay <= BACKOFF_FIRST[1], delay


@pytest.mark.parametrize(("value", "expected"), [("2", 2.0), ("1.5", 1.5), ("  7  ", 7.0), ("86400", 60.0)])
def test_a_usable_retry_after_is_honoured_up_to_a_minute(
    value: str, expected: float, octopush: OctopushKit, record_sleeps: RecordSleeps
) -> None:
    sleeps = record_sleeps()
    answer_503_then_201(octopush, **{"Retry-After": value})
    client = octopush.connect(timeout=120.0)

    octopush.call(client)

    assert sleeps.delays == [expected]


def test_retry_after_ms_is_honoured_first(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    answer_503_then_201(octopush, **{"retry-after-ms": "1500", "Retry-After": "9"})
    client = octopush.connect()

    octopush.call(client)

    assert sleeps.delays == [1.5]


@pytest.mark.parametrize("value", ["0", "-100", "nan", "inf", "lots"])
def test_a_useless_retry_after_ms_falls_back_to_retry_after(
    value: str, octopush: OctopushKit, record_sleeps: RecordSleeps
) -> None:
    sleeps = record_sleeps()
    answer_503_then_201(octopush, **{"retry-after-ms": value, "Retry-After": "3"})
    client = octopush.connect()

    octopush.call(client)

    assert sleeps.delays == [3.0]


@pytest.mark.anyio
async def test_retry_after_ms_async(octopush: OctopushKit, record_sleeps: RecordSleeps) -> None:
    sleeps = record_sleeps()
    answer_503_then_201(octopush, **{"retry-after-ms": "250"})
    async with octopush.connect() as client:
        await octopush.acall(client)

    assert sleeps.delays == [0.25]


@pytest.mark.parametrize("retries_done", [0, 10, 1023, 1024, 1100, 2000, 10**6])
def test_the_backoff_never_overflows(retries_done: int, octopush: OctopushKit) -> None:
    policy = octopush.connect(fast=False).settings.retry_policy

    delay = policy.delay(retries_done)

    assert 0.0 < delay <= policy.max_delay


def test_thousands_of_configured_retries_back_off_without_overflow(
    octopush: OctopushKit, record_sleeps: RecordSleeps
) -> None:
    sleeps = record_sleeps()
    server = octopush.server
    octopush.fail_first(*[server.Reply(503, json={"message": "busy"})] * 1030)  # past 2**1024: a float overflows
    client = octopush.connect(fast=False, max_retries=2000, timeout=120.0)

    octopush.call(client)

    assert len(sleeps.delays) == 1030
    assert max(sleeps.delays) <= 8.0


def test_should_retry_status_is_the_one_place_that_decides(
    octopush: OctopushKit, record_sleeps: RecordSleeps, monkeypatch: MonkeyPatch
) -> None:
    import accountkit_runtime.retries as retries

    record_sleeps()
    monkeypatch.setattr(retries, "should_retry_status", lambda status: status == 500)
    server = octopush.server
    server.route("PATCH", octopush.path, server.Reply(500, json={"message": "x"}), server.Reply(201, json={}))
    client = octopush.connect()

    octopush.call(client)  # 500 retried, because the decision says so
    assert len(octopush.main_calls()) == 2

    server.route("PATCH", octopush.path, server.Reply(503, json={"message": "x"}))
    with pytest.raises(octopush.errors.ServerError):
        octopush.call(client)  # and 503 not
    assert len(octopush.main_calls()) == 3


# -- parse_retry_after and the policy on their own: the edges the server tests cannot reach ---------


def test_a_fraction_of_a_second_below_one_is_a_wait() -> None:
    from accountkit_runtime.retries import parse_retry_after

    assert parse_retry_after("0.5") == 0.5


def test_a_date_half_a_second_ahead_is_a_wait_and_half_a_second_ago_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    import accountkit_runtime.retries as retries

    moment = 1_800_000_000.0
    date = email.utils.formatdate(moment, usegmt=True)
    monkeypatch.setattr(retries, "time", type("Clock", (), {"time": staticmethod(lambda: moment - 0.5)}))
    assert retries.parse_retry_after(date) == 0.5
    monkeypatch.setattr(retries, "time", type("Clock", (), {"time": staticmethod(lambda: moment + 0.5)}))
    assert retries.parse_retry_after(date) is None
    monkeypatch.setattr(retries, "time", type("Clock", (), {"time": staticmethod(lambda: moment)}))
    assert retries.parse_retry_after(date) is None  # now is no wait either


def test_a_date_with_its_own_offset_is_read_in_that_offset() -> None:
    from accountkit_runtime.retries import parse_retry_after

    ahead = email.utils.format_datetime(
        datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=2))) + datetime.timedelta(seconds=30)
    )
    wait = parse_retry_after(ahead)
    assert wait is not None and 25 < wait <= 31, ahead  # not two hours off


def test_the_policy_cannot_be_changed_after_it_is_made() -> None:
    import dataclasses

    from accountkit_runtime.retries import RetryPolicy

    with pytest.raises(dataclasses.FrozenInstanceError):
        RetryPolicy().max_delay = 1.0  # type: ignore[misc]

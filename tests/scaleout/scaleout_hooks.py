"""Code the scale-out tests run on the Dask workers (imported there by name, so kept free of pytest).

``tag_with_pid`` is an httpx request hook: every request a worker's client sends, its login included,
carries the worker's process id, so the test server can tell which worker logged in and when.
``verbose_logs`` turns the client's and httpx's logs on, so that the test can prove they carry no secret.
"""

from __future__ import annotations

import logging
import os
import sys

import httpx

WORKER_HEADER = "X-Test-Worker-Pid"


def tag_with_pid(request: httpx.Request) -> None:
    request.headers[WORKER_HEADER] = str(os.getpid())


def verbose_logs() -> int:
    """Log the client's requests and responses (DEBUG) and httpx's request lines (INFO) to stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("worker %(process)d %(name)s %(levelname)s %(message)s"))
    for name, level in (("portabilling_client", logging.DEBUG), ("httpx", logging.INFO)):
        logger = logging.getLogger(name)
        logger.setLevel(level)
        logger.addHandler(handler)
    return os.getpid()

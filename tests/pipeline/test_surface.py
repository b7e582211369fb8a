"""How a rebuild without a spec change is judged: the built client's public surface, before and after.

Small packages written to tmp_path stand for a client before and after a template, generator or vendor
change; the verdict is patch (same surface), minor (something added) or major (something removed or
newly required). The real clients are checked too: the change from copies of the runtime to a
dependency on accountkit-runtime kept every client's surface.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from accountkit_codegen.changes.surface import package_surface, verdict
from accountkit_codegen.spec.layout import REPO, all_apis

BEFORE = {
    "demo_client/__init__.py": (
        "from ._vendor import connect\nfrom .client import Client\n__all__ = ('Client', 'connect')\n"
    ),
    "demo_client/_vendor.py": "def connect(*, base_url=None, token=None):\n    return 1\n",
    "demo_client/client.py": (
        "class Client:\n    timeout: float = 1.0\n\n    def close(self):\n        pass\n\n"
        "    def _private(self):\n        pass\n"
    ),
    "demo_client/api/things/update.py": (
        "import json\n\n\ndef sync(thing_id, *, client, body=None):\n    return json.dumps(body)\n\n\n"
        "def _get_kwargs(thing_id):\n    return {}\n"
    ),
    "demo_client/_operations.py": "OPERATIONS = {}\n",
}


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def judged(tmp_path: Path, **changes: str | None) -> tuple[str, list[str]]:
    """The verdict for BEFORE changed by ``changes`` (file name with ``/`` as ``__``; None removes it)."""
    after = dict(BEFORE)
    for key, text in changes.items():
        name = key.replace("__", "/") + ".py"
        if text is None:
            after.pop(name)
        else:
            after[name] = text
    old = package_surface(write(tmp_path / "old", BEFORE))
    new = package_surface(write(tmp_path / "new", after))
    return verdict(old, new)


def test_code_docstrings_and_private_names_are_a_patch(tmp_path: Path) -> None:
    body = BEFORE["demo_client/api/things/update.py"].replace("return json.dumps(body)", '"""Doc."""\n    return 2')
    body += "\n\ndef _helper():\n    pass\n"
    assert judged(tmp_path, demo_client__api__things__update=body) == ("patch", [])
    assert judged(tmp_path, demo_client___operations="OPERATIONS = {'a': 1}\nNEW = 2\n")[0] == "patch"  # private


def test_an_import_alone_adds_nothing(tmp_path: Path) -> None:
    text = "import os\n" + BEFORE["demo_client/api/things/update.py"]
    assert judged(tmp_path, demo_client__api__things__update=text) == ("patch", [])


@pytest.mark.parametrize(
    ("change", "decided"),
    [
        pytest.param(
            {
                "demo_client__api__things__update": BEFORE["demo_client/api/things/update.py"]
                + "\ndef asyncio():\n    pass\n"
            },
            "demo_client.api.things.update:asyncio",
            id="a new function",
        ),
        pytest.param(
            {"demo_client___vendor": "def connect(*, base_url=None, token=None, timeout=None):\n    return 1\n"},
            "demo_client:connect(timeout)",
            id="an optional parameter of a re-exported function",
        ),
        pytest.param(
            {
                "demo_client__client": BEFORE["demo_client/client.py"]
                + "\n    def with_headers(self, headers):\n        pass\n"
            },
            "demo_client.client:Client.with_headers",
            id="a new method",
        ),
        pytest.param(
            {
                "demo_client__api__things__update": BEFORE["demo_client/api/things/update.py"].replace(
                    "def sync(thing_id, *, client, body=None)", "def sync(thing_id, *, client=None, body=None)"
                )
            },
            "demo_client.api.things.update:sync(client)",
            id="a required parameter made optional",
        ),
    ],
)
def test_additions_are_a_minor(tmp_path: Path, change: dict[str, str], decided: str) -> None:
    level, entries = judged(tmp_path, **change)
    assert level == "minor"
    assert decided in entries


@pytest.mark.parametrize(
    ("change", "decided"),
    [
        pytest.param({"demo_client__api__things__update": None}, "demo_client.api.things.update:sync", id="a module"),
        pytest.param(
            {"demo_client___vendor": "def connect(*, base_url=None):\n    return 1\n"},
            "demo_client:connect(token)",
            id="a parameter",
        ),
        pytest.param(
            {"demo_client___vendor": "def connect(*, base_url=None, token=None, region):\n    return 1\n"},
            "demo_client:connect(region)!",
            id="a new required parameter",
        ),
        pytest.param(
            {"demo_client__client": "class Client:\n    timeout: float = 1.0\n"},
            "demo_client.client:Client.close",
            id="a method",
        ),
    ],
)
def test_removals_and_new_requirements_are_a_major(tmp_path: Path, change: dict[str, str | None], decided: str) -> None:
    level, entries = judged(tmp_path, **change)
    assert level == "major"
    assert decided in entries


# The commit that merged accountkit-runtime as its own package.
MOVED = "7d6a1f5"


def test_a_class_now_written_elsewhere_keeps_its_name_and_is_not_compared_member_by_member(tmp_path: Path) -> None:
    reexport = "from accountkit_runtime.client import Client\n__all__ = ['Client']\n"
    assert judged(tmp_path, demo_client__client=reexport) == ("patch", [])
    assert judged(tmp_path, demo_client__client="__all__ = []\n")[0] == "major"  # the name itself went away


def test_moving_from_runtime_copies_to_accountkit_runtime_kept_every_clients_surface(tmp_path: Path) -> None:
    """Before accountkit-runtime, each client carried ``_runtime`` and defined its own ``Client``.

    The packages as the move left them (``MOVED``) are compared with those before it (``2e9c026``); later
    changes to the clients are versioned by ``release`` on their own.
    """
    trees = {}
    for commit in ("2e9c026", MOVED):
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", commit, "--", "generated"],
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            pytest.skip(f"commit {commit} is not in this clone: {archive.stderr.decode()[:200]}")
        trees[commit] = tmp_path / commit
        trees[commit].mkdir()
        subprocess.run(["tar", "-x", "-C", str(trees[commit])], input=archive.stdout, check=True)
    for api in all_apis():
        old = package_surface(trees["2e9c026"] / "generated" / api.name)
        assert not any(entry.startswith(f"{api.package}._runtime") for entry in old.entries)  # a private module
        assert verdict(old, package_surface(trees[MOVED] / "generated" / api.name)) == ("patch", []), api.name

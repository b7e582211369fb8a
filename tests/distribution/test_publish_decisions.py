"""``publish``'s decisions and scrubbing, case by case, without a server (the round trip covers the wire).

The cases the round trip cannot easily reach: an index holding only part of a release (finish it), a
file on the index that we did not build (refuse), a link without a hash (download and hash it), and
every form in which a password could leak into printed text.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from accountkit_codegen.dist import publish
from accountkit_codegen.dist.credentials import MASK, Credentials
from accountkit_codegen.dist.distfiles import Release, releases
from accountkit_codegen.dist.publish import in_publishing_order, plan_release, publish_release, refusal
from accountkit_codegen.dist.simpleindex import IndexFile, index_digest, project_files
from packaging.utils import canonicalize_name
from packaging.version import Version
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

WHEEL, SDIST = "demo_client-1.2.3-py3-none-any.whl", "demo_client-1.2.3.tar.gz"


def make_release(tmp_path: Path) -> Release:
    for name in (WHEEL, SDIST):
        (tmp_path / name).write_bytes(name.encode())
    (tmp_path / "specs").mkdir()  # dist/specs/ sits beside the archives and is not a release
    [release] = releases(tmp_path)
    return release


def listed(name: str, content: bytes | None = None, algorithm: str = "sha256") -> IndexFile:
    content = name.encode() if content is None else content
    return IndexFile(name, f"http://index/packages/{name}", algorithm, hashlib.new(algorithm, content).hexdigest())


def digest(file: IndexFile) -> tuple[str, str]:
    assert file.hash_name and file.hash_value
    return file.hash_name, file.hash_value


def test_releases_groups_files_by_name_and_version(tmp_path: Path) -> None:
    release = make_release(tmp_path)
    assert (release.name, release.version, release.api) == (canonicalize_name("demo-client"), Version("1.2.3"), "demo")
    assert [path.name for path in release.files] == sorted([WHEEL, SDIST])


def test_nothing_on_index_uploads_everything(tmp_path: Path) -> None:
    plan = plan_release(make_release(tmp_path), [], digest)
    assert plan.action == "upload" and {path.name for path in plan.files} == {WHEEL, SDIST}


def test_identical_files_are_skipped_whatever_the_hash_algorithm(tmp_path: Path) -> None:
    plan = plan_release(make_release(tmp_path), [listed(WHEEL, algorithm="md5"), listed(SDIST)], digest)
    assert plan.action == "skip"


def test_other_versions_on_index_do_not_matter(tmp_path: Path) -> None:
    other = listed("demo_client-1.2.2.tar.gz", b"old")
    assert plan_release(make_release(tmp_path), [other], digest).action == "upload"


def test_half_published_release_is_completed(tmp_path: Path) -> None:
    plan = plan_release(make_release(tmp_path), [listed(WHEEL)], digest)
    assert plan.action == "upload" and [path.name for path in plan.files] == [SDIST]


def test_different_bytes_are_refused(tmp_path: Path) -> None:
    release = make_release(tmp_path)
    plan = plan_release(release, [listed(WHEEL, b"something else"), listed(SDIST)], digest)
    assert plan.action == "refuse" and WHEEL in plan.reason
    assert refusal(release) == (
        "REFUSED: 1.2.3 is on the index with different content; give it a new version with "
        "./dev -s release -- <last release> (releases/demo-client.json)"
    )


def test_a_file_we_did_not_build_is_refused(tmp_path: Path) -> None:
    foreign = listed("demo_client-1.2.3-py311-none-any.whl")
    plan = plan_release(make_release(tmp_path), [listed(WHEEL), listed(SDIST), foreign], digest)
    assert plan.action == "refuse" and foreign.filename in plan.reason


def test_redaction_covers_every_form_of_the_password() -> None:
    credentials = Credentials("uploader", "p@ss word/+")
    basic = base64.b64encode(b"uploader:p@ss word/+").decode()
    text = (
        "plain p@ss word/+ quoted p%40ss%20word%2F%2B plus p%40ss+word%2F%2B "
        f"header Basic {basic} url https://someone:other-secret@index.example/simple/"
    )
    scrubbed = credentials.redact(text)
    for secret in ("p@ss word/+", "p%40ss%20word%2F%2B", "p%40ss+word%2F%2B", basic, "other-secret"):
        assert secret not in scrubbed
    assert scrubbed.count(MASK) == 5
    assert "p@ss" not in repr(credentials)


def test_twine_gets_the_password_through_its_environment() -> None:
    assert Credentials("uploader", "pw").twine_env() == {"TWINE_USERNAME": "uploader", "TWINE_PASSWORD": "pw"}
    assert Credentials(None, None).twine_env() == {}


def test_simple_page_is_read_and_unhashed_links_are_downloaded(api_server: HTTPServer) -> None:
    """A PEP 503 page with a relative, hashed link and an absolute one without a hash."""
    api_server.clear()
    wheel_hash = hashlib.sha256(b"wheel").hexdigest()
    page = (
        f'<html><body><a href="../../packages/{WHEEL}#sha256={wheel_hash}">{WHEEL}</a><br>'
        f'<a href="{api_server.url_for("/files/" + SDIST)}">{SDIST}</a></body></html>'
    )
    api_server.expect_request("/simple/demo-client/").respond_with_data(page, content_type="text/html")
    api_server.expect_request(f"/files/{SDIST}").respond_with_data(b"sdist")
    base = api_server.url_for("/").rstrip("/")
    files = {file.filename: file for file in project_files(base, "demo-client", Credentials())}
    assert files[WHEEL].url == f"{base}/packages/{WHEEL}"
    assert index_digest(files[WHEEL], Credentials()) == ("sha256", wheel_hash)
    assert index_digest(files[SDIST], Credentials()) == ("sha256", hashlib.sha256(b"sdist").hexdigest())


def test_unknown_project_has_no_files(api_server: HTTPServer) -> None:
    api_server.clear()
    api_server.expect_request("/simple/nothing-here/").respond_with_data("Not Found", status=404)
    assert project_files(api_server.url_for("/").rstrip("/"), "nothing-here", Credentials()) == []


def test_the_runtime_is_published_before_any_client_whatever_the_names(tmp_path: Path) -> None:
    # "aardvark-client" sorts before "accountkit-runtime": the order must come from the rule, not the alphabet.
    for name in ("aardvark_client-2.0.0-py3-none-any.whl", "accountkit_runtime-1.0.1-py3-none-any.whl"):
        (tmp_path / name).write_bytes(name.encode())
    assert [str(release.name) for release in releases(tmp_path)] == ["aardvark-client", "accountkit-runtime"]
    ordered = in_publishing_order(releases(tmp_path))
    assert [str(release.name) for release in ordered] == ["accountkit-runtime", "aardvark-client"]


# -- one release against an index on loopback: what publish_release makes of each answer -----------------
# The index is a real server; twine is replaced by a function that plays the index's side of an upload
# (these files are not real wheels: twine itself is exercised by the round trip).


class Index:
    """The simple page of demo-client on ``api_server``, listing ``listed`` (name -> content)."""

    def __init__(self, server: HTTPServer) -> None:
        self.listed: dict[str, bytes] = {}
        self.uploads: list[list[str]] = []
        server.clear()
        server.expect_request("/simple/demo-client/").respond_with_handler(self._page)
        self.url = server.url_for("/").rstrip("/")

    def _page(self, request: Request) -> Response:
        links = "".join(
            f'<a href="{self.url}/packages/{name}#sha256={hashlib.sha256(content).hexdigest()}">{name}</a>'
            for name, content in self.listed.items()
        )
        return Response(f"<html><body>{links}</body></html>", content_type="text/html")

    def twine(self, code: int, lists: bool = True) -> Callable[[tuple[Path, ...], str, Credentials], tuple[int, str]]:
        """An upload that exits with ``code`` and, when ``lists``, leaves the files listed on the index."""

        def upload(files: tuple[Path, ...], upload_url: str, credentials: Credentials) -> tuple[int, str]:
            assert upload_url == f"{self.url}/"
            self.uploads.append([path.name for path in files])
            if code == 0 and lists:
                self.listed.update({path.name: path.read_bytes() for path in files})
            return code, "twine says: done" if code == 0 else "twine says: 400 Bad Request"

        return upload


@pytest.fixture
def index(api_server: HTTPServer) -> Index:
    return Index(api_server)


def test_a_new_release_would_be_uploaded_whole(tmp_path: Path, index: Index) -> None:
    release = make_release(tmp_path)

    ok, line = publish_release(release, index.url, Credentials(), dry_run=True)

    assert ok and line.startswith("would upload ") and WHEEL in line and SDIST in line
    assert index.uploads == []


def test_other_bytes_under_the_version_are_refused_and_nothing_is_sent(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = make_release(tmp_path)
    index.listed[WHEEL] = b"other bytes"
    monkeypatch.setattr(publish, "upload", index.twine(0))

    assert publish_release(release, index.url, Credentials(), dry_run=False) == (False, refusal(release))
    assert index.uploads == []


def test_a_release_is_uploaded_and_checked_on_the_index(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = make_release(tmp_path)
    monkeypatch.setattr(publish, "upload", index.twine(0))

    assert publish_release(release, index.url, Credentials(), dry_run=False) == (True, "uploaded")
    assert sorted(index.uploads[0]) == sorted([WHEEL, SDIST])


def test_a_half_published_release_is_completed_and_says_so(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = make_release(tmp_path)
    index.listed[WHEEL] = WHEEL.encode()  # the same bytes: only the sdist is missing
    monkeypatch.setattr(publish, "upload", index.twine(0))

    outcome = publish_release(release, index.url, Credentials(), dry_run=False)

    assert outcome == (True, f"uploaded (completed the release: {SDIST})")
    assert index.uploads == [[SDIST]]


def test_a_failed_upload_is_a_failure_with_twines_output(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(publish, "upload", index.twine(1))

    outcome = publish_release(make_release(tmp_path), index.url, Credentials(), dry_run=False)

    assert outcome == (False, "FAILED: twine upload exited with 1 (its output is above)")
    assert "    twine says: 400 Bad Request" in capsys.readouterr().out


def test_an_upload_the_index_does_not_list_afterwards_is_a_failure(
    tmp_path: Path, index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "upload", index.twine(0, lists=False))

    outcome = publish_release(make_release(tmp_path), index.url, Credentials(), dry_run=False)

    assert outcome == (False, "FAILED: uploaded, but the index does not list the same files and hashes")


def test_help_describes_the_command_by_the_first_line_of_its_docstring(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        publish.main(["--help"])

    assert done.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps the description
    assert "upload every release in dist/ to the private index, safely, the runtime first." in shown

"""``./dev -s diff``: the text report and the stable JSON, on a git repository in tmp_path."""

from __future__ import annotations

import json

from accountkit_codegen import diffcli


def prepare(repo, spec) -> None:
    """Commit the small spec at 0.1.0, then change it: one breaking, one added, and a new API."""
    spec["info"]["version"] = "0.1.0"
    repo.write_spec("things", spec)
    repo.write_spec("same", spec)
    repo.commit()
    del spec["components"]["schemas"]["Thing"]["properties"]["note"]
    spec["components"]["schemas"]["ThingUpdate"]["properties"]["colour"] = {"type": "string"}
    repo.write_spec("things", spec)
    repo.write_spec("newcomer", spec)


def test_json_is_stable_and_complete(repo, spec, capsys):
    prepare(repo, spec)
    assert diffcli.main(["HEAD", "--json", "--root", str(repo.root)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert list(report) == ["newcomer", "same", "things"]
    assert report["same"] == {"old_version": "0.1.0", "new_version": "0.1.0", "suggested_bump": None, "changes": []}
    assert report["newcomer"]["old_version"] is None
    assert report["newcomer"]["changes"] == [
        {
            "kind": "operation-added",
            "breaking": False,
            "location": "POST /things/{id}",
            "detail": "operation update_thing added",
        }
    ]
    things = report["things"]
    assert (things["old_version"], things["new_version"], things["suggested_bump"]) == ("0.1.0", "0.1.0", "minor")
    assert things["changes"] == [
        {
            "kind": "property-added",
            "breaking": False,
            "location": "POST /things/{id} request colour",
            "detail": "optional request property added",
        },
        {
            "kind": "property-removed",
            "breaking": True,
            "location": "POST /things/{id} response 200 note",
            "detail": "response property removed",
        },
    ]


def test_text_groups_per_api_with_tags(repo, spec, capsys):
    prepare(repo, spec)
    assert diffcli.main(["HEAD", "things", "--root", str(repo.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "things: 0.1.0 -> 0.1.0, suggested bump minor (release as 0.2.0)"
    assert lines[1].split()[:2] == ["BREAKING", "POST"]
    assert "POST /things/{id} response 200 note: response property removed [property-removed]" in lines[1]
    assert lines[2].split()[0] == "compatible" and "request colour" in lines[2]
    assert lines[-1] == "diff: 1 of 1 APIs changed since HEAD; breaking: things"


def test_unknown_ref_is_a_usage_error(repo, spec, capsys):
    prepare(repo, spec)
    assert diffcli.main(["v9.9.9", "--root", str(repo.root)]) == 2
    assert "v9.9.9" in capsys.readouterr().err

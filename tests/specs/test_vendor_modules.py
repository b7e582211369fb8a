"""The handwritten vendor modules agree with the specs on the facts both state."""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _spec(api: str) -> dict:
    return yaml.safe_load((REPO / "specs" / f"{api}.yaml").read_text())


def test_portabilling_session_faultcodes_match_the_spec() -> None:
    from portabilling_client import _vendor

    fault = _spec("portabilling")["components"]["schemas"]["Fault"]
    assert set(fault["x-accountkit-session-faultcodes"]) == _vendor.SESSION_FAULTCODES
    assert set(fault["x-accountkit-login-refused-faultcodes"]) == _vendor.LOGIN_REFUSED_FAULTCODES


def test_default_base_urls_are_the_specs_first_server() -> None:
    from intandem_client import _vendor as intandem
    from octopush_client import _vendor as octopush
    from twosms_client import _vendor as twosms

    for module, api in ((intandem, "intandem"), (octopush, "octopush")):
        assert _spec(api)["servers"][0]["url"] == module.DEFAULT_BASE_URL
    server = _spec("twosms")["servers"][0]
    assert server["url"].replace("{host}", server["variables"]["host"]["default"]) == twosms.DEFAULT_BASE_URL

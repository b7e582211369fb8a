"""Where a spec chooses a wire form the vendor's sources disagree on, it states the evidence and the way out.

inTandem's ``external_subscription_params``: the page says "array of strings" and "key/value", the vendor's
OpenAPI file an array in form style, the same API's account creation a key/value object, and the server
is Rails. The spec's ``x-accountkit-wire`` must say all of it and why it chose what it chose, claim no
vendor sample that does not exist, and name the other form a caller can send for one call
(``x-accountkit-wire-alternative``), which the generated client lets through ``extra_query``.
"""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def intandem_parameter(name: str) -> dict:
    spec = yaml.safe_load((REPO / "specs" / "intandem.yaml").read_text(encoding="utf-8"))
    (operation,) = (item["get"] for item in spec["paths"].values())
    return next(parameter for parameter in operation["parameters"] if parameter["name"] == name)


def test_the_evidence_for_the_billing_params_form_is_stated() -> None:
    parameter = intandem_parameter("external_subscription_params")
    wire = " ".join(parameter["x-accountkit-wire"].split())

    for fact in ("array of strings", "key/value", "form style", "account creation", "Rails", "name[key]=value"):
        assert fact in wire, fact
    assert "Chosen:" in wire and parameter["style"] == "deepObject"
    assert set(parameter["x-accountkit-source"]) >= {"partners-openapi", "rails-parameters"}
    assert "extra_query" in parameter["x-accountkit-wire-alternative"]
    assert "extra_query" in parameter["description"]  # the caller reads it in the function's docstring


def test_no_example_claims_a_vendor_sample_that_does_not_exist() -> None:
    text = (REPO / "specs" / "intandem.yaml").read_text(encoding="utf-8").lower()
    assert "sample request" not in text
    for name in ("external_subscription_params", "package_name"):
        for example in intandem_parameter(name).get("examples", {}).values():
            assert "vendor's sample" not in example["summary"].lower()


def test_the_generated_client_knows_the_alternative() -> None:
    from intandem_client._operations import OPERATIONS

    assert OPERATIONS["change_package"].wire_alternatives == ("external_subscription_params",)

"""What every vendor's ``connect()`` (codegen/vendors/<api>.py) gives without being asked: the safe defaults.

Each vendor module spells out its own ``connect`` signature, so each could get a default wrong on its own:
requests validated, plain http refused to any host but loopback, and a configuration remembered, so that
a client given its secrets as arguments refuses to be pickled and names the variables to use instead.
"""

from __future__ import annotations

import importlib
import inspect
import pickle
from typing import TYPE_CHECKING

import pytest
from support.credentials import CREDENTIALS

if TYPE_CHECKING:  # the fixtures' types (conftest.py is pytest's to import, not the tests')
    from conftest import KitFor

APIS = ["intandem", "activeplatform", "portabilling", "octopush", "twosms"]


@pytest.mark.parametrize("api", APIS)
def test_requests_are_validated_unless_told_otherwise(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)

    assert kit.connect().settings.validate_requests is True
    assert kit.connect(validate_requests=False).settings.validate_requests is False


@pytest.mark.parametrize("api", APIS)
def test_plain_http_to_another_host_is_refused_unless_allowed(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)

    with pytest.raises(kit.errors.ConfigurationError, match="allow_insecure_http"):
        kit.connect(base_url="http://api.example.com")
    assert kit.connect(base_url="http://api.example.com", allow_insecure_http=True) is not None


@pytest.mark.parametrize("api", APIS)
def test_secrets_given_as_arguments_keep_a_client_from_pickling(api: str, kit_for: KitFor) -> None:
    kit = kit_for(api)

    with pytest.raises(kit.errors.ClientPicklingError) as caught:
        pickle.dumps(kit.connect())

    for credential in CREDENTIALS:
        if credential.api == api and credential.secret and not credential.alternative:
            assert f"{credential.argument}=" in str(caught.value) and credential.env in str(caught.value)


@pytest.mark.parametrize("api", APIS)
def test_authenticate_takes_its_credentials_by_name_only(api: str) -> None:
    """Two secrets given by position could be given in the wrong order (a password sent as the login,
    where no redactor knows it): each vendor's ``authenticate`` takes them by name only."""
    authenticate = importlib.import_module(f"{api}_client._vendor").authenticate
    base_url, *credentials = inspect.signature(authenticate).parameters.values()

    assert base_url.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert credentials and all(parameter.kind is inspect.Parameter.KEYWORD_ONLY for parameter in credentials)
    with pytest.raises(TypeError):
        authenticate("https://127.0.0.1", *["x"] * len(credentials))

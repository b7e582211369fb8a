"""Every API's credentials, once: ``connect()``'s argument, the environment variable it falls back to, a sample.

The table is the tests' own statement of the public surface (what a user passes or exports), written
independently of the vendor modules it checks. The samples are unique across the table and, where they
are secret, carry ``SECRET`` so that a leak is found by searching for them; PortaBilling's login is
``admin``, as in its spec's login examples. Octopush's login is treated as a secret: with the key it is
the whole credential, sent in a header of every call.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Credential:
    api: str
    argument: str  # connect()'s keyword argument
    env: str  # the environment variable connect() reads when the argument is not given
    sample: str  # a value the tests send
    secret: bool  # must never be seen in a log, an error text, a repr or a pickle
    alternative: bool = False  # replaces another credential (PortaBilling's API token for its password)


CREDENTIALS: tuple[Credential, ...] = (
    Credential("intandem", "token", "INTANDEM_TOKEN", "itd-SECRET-directory-token", secret=True),
    Credential("activeplatform", "api_token", "ACTIVEPLATFORM_API_TOKEN", "ap-SECRET-manager-token", secret=True),
    Credential("portabilling", "login", "PORTABILLING_LOGIN", "admin", secret=False),
    Credential("portabilling", "password", "PORTABILLING_PASSWORD", "pb-SECRET-password", secret=True),
    Credential("portabilling", "token", "PORTABILLING_TOKEN", "pb-SECRET-api-token", secret=True, alternative=True),
    Credential("octopush", "api_login", "OCTOPUSH_API_LOGIN", "owner-SECRET@example.com", secret=True),
    Credential("octopush", "api_key", "OCTOPUSH_API_KEY", "oct-SECRET-api-key", secret=True),
    Credential("twosms", "client_id", "TWOSMS_CLIENT_ID", "client-42", secret=False),
    Credential("twosms", "client_secret", "TWOSMS_CLIENT_SECRET", "2sms-SECRET-client-secret", secret=True),
)


def of(api: str) -> tuple[Credential, ...]:
    """``api``'s credentials: what ``connect()`` needs, then its alternatives."""
    found = tuple(credential for credential in CREDENTIALS if credential.api == api)
    if not found:
        raise KeyError(f"no credentials for {api!r}: the table has {sorted({c.api for c in CREDENTIALS})}")
    return found


def arguments(api: str) -> dict[str, str]:
    """``connect()``'s keyword arguments with the samples: argument -> value (alternatives left out)."""
    return {credential.argument: credential.sample for credential in of(api) if not credential.alternative}


def environment(api: str) -> dict[str, str]:
    """The same credentials as environment variables: variable -> value (alternatives left out)."""
    return {credential.env: credential.sample for credential in of(api) if not credential.alternative}


def env_names(api: str) -> dict[str, str]:
    """connect()'s environment variables, alternatives left out: argument -> variable, ``base_url``'s too."""
    names = {credential.argument: credential.env for credential in of(api) if not credential.alternative}
    return {**names, "base_url": base_url_env(api)}


def base_url_env(api: str) -> str:
    """The environment variable ``connect()`` reads its base URL from."""
    return f"{api.upper()}_BASE_URL"


def all_env_names() -> tuple[str, ...]:
    """Every environment variable any API's ``connect()`` reads (alternatives and base URLs included)."""
    apis = dict.fromkeys(credential.api for credential in CREDENTIALS)
    named = [credential.env for credential in CREDENTIALS] + [base_url_env(api) for api in apis]
    return tuple(sorted(named))

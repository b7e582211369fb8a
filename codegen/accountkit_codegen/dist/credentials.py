"""The upload credentials for ``publish``: where they come from, how they reach twine, how output hides them.

They come from PUBLISH_USERNAME / PUBLISH_PASSWORD, else from the system keyring (the same lookup twine
makes: service = the upload URL). We resolve the keyring ourselves instead of leaving it to twine so that
we always know the secret we must scrub from any text we print, including twine's captured output.
The password reaches twine through its environment (TWINE_PASSWORD), never its command line, where any
user on the machine could read it from the process list.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, quote_plus

MASK = "********"
# user:password@ in a URL, whoever's it is.
_URL_USERINFO = re.compile(r"(?<=://)[^/@\s:]+:[^/@\s]*@")


@dataclass(frozen=True)
class Credentials:
    """A username and password for the index; either may be missing (an index without upload auth)."""

    username: str | None = None
    password: str | None = field(default=None, repr=False)

    def twine_env(self) -> dict[str, str]:
        """The environment entries that hand these credentials to ``twine upload``."""
        env = {}
        if self.username:
            env["TWINE_USERNAME"] = self.username
        if self.password:
            env["TWINE_PASSWORD"] = self.password
        return env

    def secrets(self) -> list[str]:
        """Every form in which the password could appear in text: plain, URL-quoted, in a Basic header."""
        if not self.password:
            return []
        forms = {self.password, quote(self.password, safe=""), quote_plus(self.password)}
        if self.username:
            forms.add(base64.b64encode(f"{self.username}:{self.password}".encode()).decode())
        return sorted(forms, key=len, reverse=True)

    def redact(self, text: str) -> str:
        """``text`` with the password (in any of its forms) and any URL's user:password@ masked."""
        for secret in self.secrets():
            text = text.replace(secret, MASK)
        return _URL_USERINFO.sub(f"{MASK}@", text)


def _from_keyring(service: str, username: str | None) -> Credentials | None:
    """What the keyring holds for ``service``; None when it holds nothing or there is no usable keyring."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        credential = keyring.get_credential(service, username)
    except Exception:  # no backend, a locked store, no D-Bus: all mean "nothing there"
        return None
    if credential is None or not credential.password:
        return None
    return Credentials(credential.username or username, credential.password)


def resolve(upload_url: str, environ: dict[str, str] | None = None) -> Credentials:
    """PUBLISH_USERNAME / PUBLISH_PASSWORD, completed from the keyring when the password is not set."""
    source: Mapping[str, str] = os.environ if environ is None else environ
    username = source.get("PUBLISH_USERNAME") or None
    password = source.get("PUBLISH_PASSWORD") or None
    if password:
        return Credentials(username, password)
    return _from_keyring(upload_url, username) or Credentials(username, None)

"""The client object every operation takes: ``accountkit_runtime.client``'s, the same for every accountkit client.

Make one with ``intandem_client.connect()``, which fills in credentials, auth, timeouts and retries.
Nothing in it is specific to this API, so it lives in accountkit-runtime, and the operations here and
the vendor code (``_vendor``) share its one typed interface.
"""

from accountkit_runtime.client import AuthenticatedClient, Client

__all__ = ["AuthenticatedClient", "Client"]

from enum import IntEnum
from typing import Self


class IncludedServiceIServiceType(IntEnum):
    INTERNAL = 0
    SESSION_BASED = 2
    VOICE_CALLS = 3
    DATA_SERVICE = 5
    INTERNET_ACCESS = 6
    QUANTITY_BASED = 7
    WI_FI = 8
    DIAL_UP_INTERNET = 9
    MESSAGING_SERVICE = 10
    CONFERENCING = 14
    DID = 15
    IPTV = 16
    MEASURED_SERVICE = 17
    SERVICE_POOL = 18
    MOBILE_NETWORK_PROVISIONING = 19

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        """Keep a value the spec does not list yet (responses must not break when a vendor adds one).

        Requests stay strict: they are validated against the spec before sending.
        """
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

from enum import StrEnum
from typing import Self


class AccountDefaultPaymentModel(StrEnum):
    POSTPAY = "postpay"
    PREPAY = "prepay"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        """Keep a value the spec does not list yet (responses must not break when a vendor adds one).

        Requests stay strict: they are validated against the spec before sending.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

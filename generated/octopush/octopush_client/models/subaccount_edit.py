from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subaccount_callbacks import SubaccountCallbacks, SubaccountCallbacksDict


T = TypeVar("T", bound="SubaccountEdit")


@_attrs_define
class SubaccountEdit:
    """Fields of the sub-account to edit ("Special parameters" on the page). The page marks only company_name "(optional)",
    so first_name, last_name and password are required here. The callbacks object is a separate group of per-feature
    callback destinations; the page marks neither it nor its members optional, but requiring every callback URL on each
    edit would contradict "edit the fields", so callbacks and its members are optional.

    """

    first_name: str
    """ First name to be associated with the sub-account. """
    last_name: str
    """ Last name to be associated with the sub-account. """
    password: str
    """ Sub-account password """
    company_name: str | Unset = UNSET
    """ (optional) Company name. """
    callbacks: SubaccountCallbacks | Unset = UNSET
    """ Object containing callback URLs. """

    def to_dict(self) -> dict[str, Any]:
        from ..models.subaccount_callbacks import SubaccountCallbacks  # noqa: PLC0415

        first_name = self.first_name

        last_name = self.last_name

        password = self.password

        company_name = self.company_name

        callbacks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callbacks, Unset):
            callbacks = self.callbacks.to_dict() if isinstance(self.callbacks, SubaccountCallbacks) else self.callbacks

        field_dict: dict[str, Any] = {}

        field_dict.update({"first_name": first_name, "last_name": last_name, "password": password})
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if callbacks is not UNSET:
            field_dict["callbacks"] = callbacks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subaccount_callbacks import SubaccountCallbacks  # noqa: PLC0415

        d = dict(src_dict)
        check_keys(
            "SubaccountEdit",
            d,
            known=("first_name", "last_name", "password", "company_name", "callbacks"),
            required=("first_name", "last_name", "password"),
        )

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        password = d.pop("password")

        company_name = d.pop("company_name", UNSET)

        _callbacks = d.pop("callbacks", UNSET)
        callbacks: SubaccountCallbacks | Unset
        if isinstance(_callbacks, Unset):
            callbacks = UNSET
        else:
            callbacks = SubaccountCallbacks.from_dict(_callbacks)

        subaccount_edit = cls(
            first_name=first_name,
            last_name=last_name,
            password=password,
            company_name=company_name,
            callbacks=callbacks,
        )

        return subaccount_edit


class SubaccountEditDict(TypedDict):
    """``SubaccountEdit`` as a dict: its JSON keys, for arguments that take either."""

    first_name: str
    last_name: str
    password: str
    company_name: NotRequired[str]
    callbacks: NotRequired[SubaccountCallbacksDict]

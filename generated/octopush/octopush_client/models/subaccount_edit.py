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
    """Fields of the sub-account to edit ("Special parameters" on the page). An edit sends only what it changes: no field
    is required, so that changing a name does not mean sending (and so resetting) the password. The page marks only
    company_name "(optional)" and the other fields nothing; the vendor's French page for the same call shows an edit
    without password. The callbacks object is a separate group of per-feature callback destinations, each of them
    optional too.

    """

    first_name: str | Unset = UNSET
    """ First name to be associated with the sub-account. """
    last_name: str | Unset = UNSET
    """ Last name to be associated with the sub-account. """
    password: str | Unset = UNSET
    """ Sub-account password """
    company_name: str | Unset = UNSET
    """ (optional) Company name. """
    callbacks: SubaccountCallbacks | Unset = UNSET
    """ Object containing callback URLs. """

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

        password = self.password

        company_name = self.company_name

        callbacks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callbacks, Unset):
            callbacks = self.callbacks.to_dict() if isinstance(self.callbacks, SubaccountCallbacks) else self.callbacks

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if password is not UNSET:
            field_dict["password"] = password
        if company_name is not UNSET:
            field_dict["company_name"] = company_name
        if callbacks is not UNSET:
            field_dict["callbacks"] = callbacks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "SubaccountEdit", d, known=("first_name", "last_name", "password", "company_name", "callbacks"), required=()
        )

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        password = d.pop("password", UNSET)

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

    first_name: NotRequired[str]
    last_name: NotRequired[str]
    password: NotRequired[str]
    company_name: NotRequired[str]
    callbacks: NotRequired[SubaccountCallbacksDict]


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.subaccount_callbacks import SubaccountCallbacks  # noqa: E402

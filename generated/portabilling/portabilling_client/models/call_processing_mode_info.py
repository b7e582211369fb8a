from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.yes_no import YesNo
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallProcessingModeInfo")


@_attrs_define
class CallProcessingModeInfo:
    """The account's active call processing mode."""

    effective_from: str | Unset = UNSET
    """ A PortaBilling date and time, written 'YYYY-MM-DD HH:MM:SS' (a space between date and time, no time-zone
    designator). """
    effective_to: str | Unset = UNSET
    """ A PortaBilling date and time, written 'YYYY-MM-DD HH:MM:SS' (a space between date and time, no time-zone
    designator). """
    i_response_message: int | Unset = UNSET
    """ The ID of the voice response message. UI equivalent: "Temporary response message" input field on the Edit
    Account -> Services -> Call screening -> Modes tab. """
    name: str | Unset = UNSET
    """ The operation mode name. Note: read-only. """
    response_message_name: str | Unset = UNSET
    """ The response message name. Note: read-only. """
    short_code: int | Unset = UNSET
    """ The ID of the operation mode, used as DTMF code to activate the mode. UI equivalent: "Effective mode" field
    on the Edit Account -> Services -> Call screening -> Modes tab. """
    sticky: YesNo | Unset = UNSET
    """ A PortaBilling flag: 'Y' or 'N'. What Y and N mean is given in the description of each field that uses it.
    """

    def to_dict(self) -> dict[str, Any]:
        effective_from = self.effective_from

        effective_to = self.effective_to

        i_response_message = self.i_response_message

        name = self.name

        response_message_name = self.response_message_name

        short_code = self.short_code

        sticky: str | Unset = UNSET
        if not isinstance(self.sticky, Unset):
            sticky = self.sticky.value if isinstance(self.sticky, YesNo) else self.sticky

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_to is not UNSET:
            field_dict["effective_to"] = effective_to
        if i_response_message is not UNSET:
            field_dict["i_response_message"] = i_response_message
        if name is not UNSET:
            field_dict["name"] = name
        if response_message_name is not UNSET:
            field_dict["response_message_name"] = response_message_name
        if short_code is not UNSET:
            field_dict["short_code"] = short_code
        if sticky is not UNSET:
            field_dict["sticky"] = sticky

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "CallProcessingModeInfo",
            d,
            known=(
                "effective_from",
                "effective_to",
                "i_response_message",
                "name",
                "response_message_name",
                "short_code",
                "sticky",
            ),
            required=(),
        )

        effective_from = d.pop("effective_from", UNSET)

        effective_to = d.pop("effective_to", UNSET)

        i_response_message = d.pop("i_response_message", UNSET)

        name = d.pop("name", UNSET)

        response_message_name = d.pop("response_message_name", UNSET)

        short_code = d.pop("short_code", UNSET)

        _sticky = d.pop("sticky", UNSET)
        sticky: YesNo | Unset
        if isinstance(_sticky, Unset):
            sticky = UNSET
        else:
            sticky = YesNo(_sticky)

        call_processing_mode_info = cls(
            effective_from=effective_from,
            effective_to=effective_to,
            i_response_message=i_response_message,
            name=name,
            response_message_name=response_message_name,
            short_code=short_code,
            sticky=sticky,
        )

        return call_processing_mode_info


class CallProcessingModeInfoDict(TypedDict):
    """``CallProcessingModeInfo`` as a dict: its JSON keys, for arguments that take either."""

    effective_from: NotRequired[str]
    effective_to: NotRequired[str]
    i_response_message: NotRequired[int]
    name: NotRequired[str]
    response_message_name: NotRequired[str]
    short_code: NotRequired[int]
    sticky: NotRequired[YesNo | Literal["Y", "N"]]

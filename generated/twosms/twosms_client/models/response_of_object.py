from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_data_of_object import ResponseDataOfObject
    from ..models.response_error import ResponseError


T = TypeVar("T", bound="ResponseOfObject")


@_attrs_define
class ResponseOfObject:
    """Status message of the request

    When `Error` is present (not null) the call failed, whatever the HTTP status.

    """

    error: None | ResponseError | Unset = UNSET
    """ Error. Present (not null) only when the call failed, whatever the HTTP status. """
    response_data: None | ResponseDataOfObject | Unset = UNSET
    """ The data returned by the call (ResponseDataOfObject). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ResponseError):
            error = self.error.to_dict() if isinstance(self.error, ResponseError) else self.error
        else:
            error = self.error

        response_data: dict[str, Any] | None | Unset
        if isinstance(self.response_data, Unset):
            response_data = UNSET
        elif isinstance(self.response_data, ResponseDataOfObject):
            response_data = (
                self.response_data.to_dict()
                if isinstance(self.response_data, ResponseDataOfObject)
                else self.response_data
            )
        else:
            response_data = self.response_data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if error is not UNSET:
            field_dict["Error"] = error
        if response_data is not UNSET:
            field_dict["ResponseData"] = response_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error(data: object) -> None | ResponseError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ResponseError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseError | Unset, data)

        error = _parse_error(d.pop("Error", UNSET))

        def _parse_response_data(data: object) -> None | ResponseDataOfObject | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_data_type_0 = ResponseDataOfObject.from_dict(data)

                return response_data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseDataOfObject | Unset, data)

        response_data = _parse_response_data(d.pop("ResponseData", UNSET))

        response_of_object = cls(error=error, response_data=response_data)

        response_of_object.additional_properties = d
        return response_of_object

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The models this one refers to, imported here rather than inside each method (an import statement
# there runs on every call, a large part of to_dict's time) and rather than at the top: models refer to
# each other in cycles, and by this line the class above exists for any model module importing it back.
from ..models.response_data_of_object import ResponseDataOfObject  # noqa: E402
from ..models.response_error import ResponseError  # noqa: E402

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_data_of_object_detail_type_0 import ResponseDataOfObjectDetailType0
    from ..models.response_identification import ResponseIdentification


T = TypeVar("T", bound="ResponseDataOfObject")


@_attrs_define
class ResponseDataOfObject:
    """The data returned by the call."""

    identification: None | ResponseIdentification | Unset = UNSET
    result: None | str | Unset = UNSET
    """ The result of the call. """
    detail: None | ResponseDataOfObjectDetailType0 | Unset = UNSET
    """ Details of the result; its content depends on the method and is not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identification: dict[str, Any] | None | Unset
        if isinstance(self.identification, Unset):
            identification = UNSET
        elif isinstance(self.identification, ResponseIdentification):
            identification = (
                self.identification.to_dict()
                if isinstance(self.identification, ResponseIdentification)
                else self.identification
            )
        else:
            identification = self.identification

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        detail: dict[str, Any] | None | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        elif isinstance(self.detail, ResponseDataOfObjectDetailType0):
            detail = self.detail.to_dict() if isinstance(self.detail, ResponseDataOfObjectDetailType0) else self.detail
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identification is not UNSET:
            field_dict["Identification"] = identification
        if result is not UNSET:
            field_dict["Result"] = result
        if detail is not UNSET:
            field_dict["Detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_identification(data: object) -> None | ResponseIdentification | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identification_type_0 = ResponseIdentification.from_dict(data)

                return identification_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseIdentification | Unset, data)

        identification = _parse_identification(d.pop("Identification", UNSET))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("Result", UNSET))

        def _parse_detail(data: object) -> None | ResponseDataOfObjectDetailType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = ResponseDataOfObjectDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseDataOfObjectDetailType0 | Unset, data)

        detail = _parse_detail(d.pop("Detail", UNSET))

        response_data_of_object = cls(identification=identification, result=result, detail=detail)

        response_data_of_object.additional_properties = d
        return response_data_of_object

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
from ..models.response_data_of_object_detail_type_0 import ResponseDataOfObjectDetailType0  # noqa: E402
from ..models.response_identification import ResponseIdentification  # noqa: E402

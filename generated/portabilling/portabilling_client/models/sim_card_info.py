from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NotRequired, TypedDict, TypeVar

from accountkit_runtime.fields import check_keys
from attrs import define as _attrs_define

from ..models.sim_card_info_is_used import SimCardInfoIsUsed
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimCardInfo")


@_attrs_define
class SimCardInfo:
    """A SIM card."""

    amf: str | Unset = UNSET
    """ The Authentication Management Field. Format: 4-symbol hexadecimal string. UI equivalent: "AMF" input field
    on the Infrastructure -> Inventory -> SIM cards tab. """
    auth_key: str | Unset = UNSET
    """ The Authentication Key. Format: 32-symbol hexadecimal string. UI equivalent: "Authentication key" input
    field on the Infrastructure -> Inventory -> SIM cards tab. """
    description: str | Unset = UNSET
    """ The SIM card description. UI equivalent: "Description" input field on the Infrastructure -> Inventory -> SIM
    cards tab. """
    hlr: str | Unset = UNSET
    """ The name of the Home Location Register database. Format: string. UI equivalent: "HLR" input field on the
    Infrastructure -> Inventory -> SIM cards tab. """
    i_account: int | Unset = UNSET
    """ The unique ID of the account record to which the SIM card belongs. """
    i_sim_card: int | Unset = UNSET
    """ The ID of the SIM card record. """
    iccid: str | Unset = UNSET
    """ The Integrated Circuit Card ID. Format: 18-22 digit code. UI equivalent: "ICCID" input field on the
    Infrastructure -> Inventory -> SIM cards tab. """
    imsi: str | Unset = UNSET
    """ The International Mobile Subscriber Identity. Format: 6-15 digit string. UI equivalent: "IMSI" input field
    on the Infrastructure -> Inventory -> SIM cards tab. """
    is_used: SimCardInfoIsUsed | Unset = UNSET
    """ Indicates whether the SIM card is in use. Possible values: 1 - in use; 0 - available. UI equivalent: SIM
    Cards list on the Infrastructure -> Inventory -> SIM cards tab. """
    managed_by: int | Unset = UNSET
    """ The ID of the reseller who manages the SIM card. UI equivalent: SIM Cards list on the Infrastructure ->
    Inventory -> SIM cards tab. """
    msisdn: str | Unset = UNSET
    """ The Mobile Subscriber Integrated Services Digital Number. Format: up to 15 digits. UI equivalent: SIM Cards
    list on the Infrastructure -> Inventory -> SIM cards tab. """
    notepad: str | Unset = UNSET
    """ Comments regarding the SIM card. """
    opc_key: str | Unset = UNSET
    """ The operator key stored on the SIM card. Format: 32-symbol hexadecimal string. UI equivalent: "OPc Key"
    input field on the Infrastructure -> Inventory -> SIM cards tab. """

    def to_dict(self) -> dict[str, Any]:
        amf = self.amf

        auth_key = self.auth_key

        description = self.description

        hlr = self.hlr

        i_account = self.i_account

        i_sim_card = self.i_sim_card

        iccid = self.iccid

        imsi = self.imsi

        is_used: int | Unset = UNSET
        if not isinstance(self.is_used, Unset):
            is_used = self.is_used.value if isinstance(self.is_used, SimCardInfoIsUsed) else self.is_used

        managed_by = self.managed_by

        msisdn = self.msisdn

        notepad = self.notepad

        opc_key = self.opc_key

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amf is not UNSET:
            field_dict["amf"] = amf
        if auth_key is not UNSET:
            field_dict["auth_key"] = auth_key
        if description is not UNSET:
            field_dict["description"] = description
        if hlr is not UNSET:
            field_dict["hlr"] = hlr
        if i_account is not UNSET:
            field_dict["i_account"] = i_account
        if i_sim_card is not UNSET:
            field_dict["i_sim_card"] = i_sim_card
        if iccid is not UNSET:
            field_dict["iccid"] = iccid
        if imsi is not UNSET:
            field_dict["imsi"] = imsi
        if is_used is not UNSET:
            field_dict["is_used"] = is_used
        if managed_by is not UNSET:
            field_dict["managed_by"] = managed_by
        if msisdn is not UNSET:
            field_dict["msisdn"] = msisdn
        if notepad is not UNSET:
            field_dict["notepad"] = notepad
        if opc_key is not UNSET:
            field_dict["opc_key"] = opc_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_keys(
            "SimCardInfo",
            d,
            known=(
                "amf",
                "auth_key",
                "description",
                "hlr",
                "i_account",
                "i_sim_card",
                "iccid",
                "imsi",
                "is_used",
                "managed_by",
                "msisdn",
                "notepad",
                "opc_key",
            ),
            required=(),
        )

        amf = d.pop("amf", UNSET)

        auth_key = d.pop("auth_key", UNSET)

        description = d.pop("description", UNSET)

        hlr = d.pop("hlr", UNSET)

        i_account = d.pop("i_account", UNSET)

        i_sim_card = d.pop("i_sim_card", UNSET)

        iccid = d.pop("iccid", UNSET)

        imsi = d.pop("imsi", UNSET)

        _is_used = d.pop("is_used", UNSET)
        is_used: SimCardInfoIsUsed | Unset
        if isinstance(_is_used, Unset):
            is_used = UNSET
        else:
            is_used = SimCardInfoIsUsed(_is_used)

        managed_by = d.pop("managed_by", UNSET)

        msisdn = d.pop("msisdn", UNSET)

        notepad = d.pop("notepad", UNSET)

        opc_key = d.pop("opc_key", UNSET)

        sim_card_info = cls(
            amf=amf,
            auth_key=auth_key,
            description=description,
            hlr=hlr,
            i_account=i_account,
            i_sim_card=i_sim_card,
            iccid=iccid,
            imsi=imsi,
            is_used=is_used,
            managed_by=managed_by,
            msisdn=msisdn,
            notepad=notepad,
            opc_key=opc_key,
        )

        return sim_card_info


class SimCardInfoDict(TypedDict):
    """``SimCardInfo`` as a dict: its JSON keys, for arguments that take either."""

    amf: NotRequired[str]
    auth_key: NotRequired[str]
    description: NotRequired[str]
    hlr: NotRequired[str]
    i_account: NotRequired[int]
    i_sim_card: NotRequired[int]
    iccid: NotRequired[str]
    imsi: NotRequired[str]
    is_used: NotRequired[SimCardInfoIsUsed | Literal[0, 1]]
    managed_by: NotRequired[int]
    msisdn: NotRequired[str]
    notepad: NotRequired[str]
    opc_key: NotRequired[str]

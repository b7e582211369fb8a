"""Contains all the data models used in inputs/outputs.

Each name is imported from its own module the first time it is asked for (PEP 562 ``__getattr__``):
``from portabilling_client.models import X`` imports ``X``'s module and the models it needs, not every
model of the API, which would cost a first call more than everything else it imports from this package.
Type checkers read the imports under ``TYPE_CHECKING``; ``__all__`` and ``dir()`` list every name, and
``from portabilling_client.models import *`` imports them all.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_info import AccountInfo, AccountInfoDict
    from .account_info_bill_status import AccountInfoBillStatus
    from .account_info_billing_model import AccountInfoBillingModel
    from .account_info_i_account_balance_control_type import AccountInfoIAccountBalanceControlType
    from .account_info_i_account_role import AccountInfoIAccountRole
    from .alias_did_number import AliasDidNumber, AliasDidNumberDict
    from .assigned_addon import AssignedAddon, AssignedAddonDict
    from .assigned_addon_addon_priority import AssignedAddonAddonPriority
    from .assigned_addon_fraud_protection import AssignedAddonFraudProtection
    from .assigned_addon_i_account_role import AssignedAddonIAccountRole
    from .assigned_addon_is_used import AssignedAddonIsUsed
    from .assigned_addon_is_used_by_resellers import AssignedAddonIsUsedByResellers
    from .aux_field import AuxField, AuxFieldDict
    from .call_processing_mode_info import CallProcessingModeInfo, CallProcessingModeInfoDict
    from .fault import Fault
    from .included_service import IncludedService, IncludedServiceDict
    from .included_service_i_service_type import IncludedServiceIServiceType
    from .login_request import LoginRequest, LoginRequestDict
    from .login_with_password import LoginWithPassword, LoginWithPasswordDict
    from .login_with_token import LoginWithToken, LoginWithTokenDict
    from .logout_params import LogoutParams, LogoutParamsDict
    from .logout_request import LogoutRequest, LogoutRequestDict
    from .logout_response import LogoutResponse
    from .multi_month_discount import MultiMonthDiscount, MultiMonthDiscountDict
    from .periodic_fee import PeriodicFee, PeriodicFeeDict
    from .product_subscription import ProductSubscription, ProductSubscriptionDict
    from .product_subscription_activation_mode import ProductSubscriptionActivationMode
    from .product_subscription_charge_model import ProductSubscriptionChargeModel
    from .refresh_access_token_params import RefreshAccessTokenParams, RefreshAccessTokenParamsDict
    from .refresh_access_token_request import RefreshAccessTokenRequest, RefreshAccessTokenRequestDict
    from .service_feature import ServiceFeature, ServiceFeatureDict
    from .service_feature_attribute import ServiceFeatureAttribute, ServiceFeatureAttributeDict
    from .service_pool_combination import ServicePoolCombination, ServicePoolCombinationDict
    from .session_data import SessionData
    from .sim_card_info import SimCardInfo, SimCardInfoDict
    from .sim_card_info_is_used import SimCardInfoIsUsed
    from .subscription_discount import SubscriptionDiscount, SubscriptionDiscountDict
    from .update_account_params import UpdateAccountParams, UpdateAccountParamsDict
    from .update_account_params_release_assigned_did import UpdateAccountParamsReleaseAssignedDid
    from .update_account_request import UpdateAccountRequest, UpdateAccountRequestDict
    from .update_account_response import UpdateAccountResponse
    from .voucher_info import VoucherInfo, VoucherInfoDict
    from .yes_no import YesNo

# Each exported name -> the module (in this package) that defines it.
_MODULES: dict[str, str] = {
    "AccountInfo": "account_info",
    "AccountInfoBillingModel": "account_info_billing_model",
    "AccountInfoBillStatus": "account_info_bill_status",
    "AccountInfoDict": "account_info",
    "AccountInfoIAccountBalanceControlType": "account_info_i_account_balance_control_type",
    "AccountInfoIAccountRole": "account_info_i_account_role",
    "AliasDidNumber": "alias_did_number",
    "AliasDidNumberDict": "alias_did_number",
    "AssignedAddon": "assigned_addon",
    "AssignedAddonAddonPriority": "assigned_addon_addon_priority",
    "AssignedAddonDict": "assigned_addon",
    "AssignedAddonFraudProtection": "assigned_addon_fraud_protection",
    "AssignedAddonIAccountRole": "assigned_addon_i_account_role",
    "AssignedAddonIsUsed": "assigned_addon_is_used",
    "AssignedAddonIsUsedByResellers": "assigned_addon_is_used_by_resellers",
    "AuxField": "aux_field",
    "AuxFieldDict": "aux_field",
    "CallProcessingModeInfo": "call_processing_mode_info",
    "CallProcessingModeInfoDict": "call_processing_mode_info",
    "Fault": "fault",
    "IncludedService": "included_service",
    "IncludedServiceDict": "included_service",
    "IncludedServiceIServiceType": "included_service_i_service_type",
    "LoginRequest": "login_request",
    "LoginRequestDict": "login_request",
    "LoginWithPassword": "login_with_password",
    "LoginWithPasswordDict": "login_with_password",
    "LoginWithToken": "login_with_token",
    "LoginWithTokenDict": "login_with_token",
    "LogoutParams": "logout_params",
    "LogoutParamsDict": "logout_params",
    "LogoutRequest": "logout_request",
    "LogoutRequestDict": "logout_request",
    "LogoutResponse": "logout_response",
    "MultiMonthDiscount": "multi_month_discount",
    "MultiMonthDiscountDict": "multi_month_discount",
    "PeriodicFee": "periodic_fee",
    "PeriodicFeeDict": "periodic_fee",
    "ProductSubscription": "product_subscription",
    "ProductSubscriptionActivationMode": "product_subscription_activation_mode",
    "ProductSubscriptionChargeModel": "product_subscription_charge_model",
    "ProductSubscriptionDict": "product_subscription",
    "RefreshAccessTokenParams": "refresh_access_token_params",
    "RefreshAccessTokenParamsDict": "refresh_access_token_params",
    "RefreshAccessTokenRequest": "refresh_access_token_request",
    "RefreshAccessTokenRequestDict": "refresh_access_token_request",
    "ServiceFeature": "service_feature",
    "ServiceFeatureAttribute": "service_feature_attribute",
    "ServiceFeatureAttributeDict": "service_feature_attribute",
    "ServiceFeatureDict": "service_feature",
    "ServicePoolCombination": "service_pool_combination",
    "ServicePoolCombinationDict": "service_pool_combination",
    "SessionData": "session_data",
    "SimCardInfo": "sim_card_info",
    "SimCardInfoDict": "sim_card_info",
    "SimCardInfoIsUsed": "sim_card_info_is_used",
    "SubscriptionDiscount": "subscription_discount",
    "SubscriptionDiscountDict": "subscription_discount",
    "UpdateAccountParams": "update_account_params",
    "UpdateAccountParamsDict": "update_account_params",
    "UpdateAccountParamsReleaseAssignedDid": "update_account_params_release_assigned_did",
    "UpdateAccountRequest": "update_account_request",
    "UpdateAccountRequestDict": "update_account_request",
    "UpdateAccountResponse": "update_account_response",
    "VoucherInfo": "voucher_info",
    "VoucherInfoDict": "voucher_info",
    "YesNo": "yes_no",
}

__all__ = (
    "AccountInfo",
    "AccountInfoBillingModel",
    "AccountInfoBillStatus",
    "AccountInfoDict",
    "AccountInfoIAccountBalanceControlType",
    "AccountInfoIAccountRole",
    "AliasDidNumber",
    "AliasDidNumberDict",
    "AssignedAddon",
    "AssignedAddonAddonPriority",
    "AssignedAddonDict",
    "AssignedAddonFraudProtection",
    "AssignedAddonIAccountRole",
    "AssignedAddonIsUsed",
    "AssignedAddonIsUsedByResellers",
    "AuxField",
    "AuxFieldDict",
    "CallProcessingModeInfo",
    "CallProcessingModeInfoDict",
    "Fault",
    "IncludedService",
    "IncludedServiceDict",
    "IncludedServiceIServiceType",
    "LoginRequest",
    "LoginRequestDict",
    "LoginWithPassword",
    "LoginWithPasswordDict",
    "LoginWithToken",
    "LoginWithTokenDict",
    "LogoutParams",
    "LogoutParamsDict",
    "LogoutRequest",
    "LogoutRequestDict",
    "LogoutResponse",
    "MultiMonthDiscount",
    "MultiMonthDiscountDict",
    "PeriodicFee",
    "PeriodicFeeDict",
    "ProductSubscription",
    "ProductSubscriptionActivationMode",
    "ProductSubscriptionChargeModel",
    "ProductSubscriptionDict",
    "RefreshAccessTokenParams",
    "RefreshAccessTokenParamsDict",
    "RefreshAccessTokenRequest",
    "RefreshAccessTokenRequestDict",
    "ServiceFeature",
    "ServiceFeatureAttribute",
    "ServiceFeatureAttributeDict",
    "ServiceFeatureDict",
    "ServicePoolCombination",
    "ServicePoolCombinationDict",
    "SessionData",
    "SimCardInfo",
    "SimCardInfoDict",
    "SimCardInfoIsUsed",
    "SubscriptionDiscount",
    "SubscriptionDiscountDict",
    "UpdateAccountParams",
    "UpdateAccountParamsDict",
    "UpdateAccountParamsReleaseAssignedDid",
    "UpdateAccountRequest",
    "UpdateAccountRequestDict",
    "UpdateAccountResponse",
    "VoucherInfo",
    "VoucherInfoDict",
    "YesNo",
)


if not TYPE_CHECKING:  # hidden from type checkers, which would take any name as one this module has

    def __getattr__(name: str) -> Any:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # the next lookup finds it without coming here
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

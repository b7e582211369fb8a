"""Contains all the data models used in inputs/outputs"""

from .account_info import AccountInfo
from .account_info_bill_status import AccountInfoBillStatus
from .account_info_billing_model import AccountInfoBillingModel
from .account_info_i_account_balance_control_type import AccountInfoIAccountBalanceControlType
from .account_info_i_account_role import AccountInfoIAccountRole
from .alias_did_number import AliasDidNumber
from .assigned_addon import AssignedAddon
from .assigned_addon_addon_priority import AssignedAddonAddonPriority
from .assigned_addon_fraud_protection import AssignedAddonFraudProtection
from .assigned_addon_i_account_role import AssignedAddonIAccountRole
from .assigned_addon_is_used import AssignedAddonIsUsed
from .assigned_addon_is_used_by_resellers import AssignedAddonIsUsedByResellers
from .aux_field import AuxField
from .call_processing_mode_info import CallProcessingModeInfo
from .fault import Fault
from .included_service import IncludedService
from .included_service_i_service_type import IncludedServiceIServiceType
from .login_request import LoginRequest
from .login_with_password import LoginWithPassword
from .login_with_token import LoginWithToken
from .logout_params import LogoutParams
from .logout_request import LogoutRequest
from .logout_response import LogoutResponse
from .multi_month_discount import MultiMonthDiscount
from .periodic_fee import PeriodicFee
from .product_subscription import ProductSubscription
from .product_subscription_activation_mode import ProductSubscriptionActivationMode
from .product_subscription_charge_model import ProductSubscriptionChargeModel
from .refresh_access_token_params import RefreshAccessTokenParams
from .refresh_access_token_request import RefreshAccessTokenRequest
from .service_feature import ServiceFeature
from .service_feature_attribute import ServiceFeatureAttribute
from .service_pool_combination import ServicePoolCombination
from .session_data import SessionData
from .sim_card_info import SimCardInfo
from .sim_card_info_is_used import SimCardInfoIsUsed
from .subscription_discount import SubscriptionDiscount
from .update_account_params import UpdateAccountParams
from .update_account_params_release_assigned_did import UpdateAccountParamsReleaseAssignedDid
from .update_account_request import UpdateAccountRequest
from .update_account_response import UpdateAccountResponse
from .voucher_info import VoucherInfo
from .yes_no import YesNo

__all__ = (
    "AccountInfo",
    "AccountInfoBillingModel",
    "AccountInfoBillStatus",
    "AccountInfoIAccountBalanceControlType",
    "AccountInfoIAccountRole",
    "AliasDidNumber",
    "AssignedAddon",
    "AssignedAddonAddonPriority",
    "AssignedAddonFraudProtection",
    "AssignedAddonIAccountRole",
    "AssignedAddonIsUsed",
    "AssignedAddonIsUsedByResellers",
    "AuxField",
    "CallProcessingModeInfo",
    "Fault",
    "IncludedService",
    "IncludedServiceIServiceType",
    "LoginRequest",
    "LoginWithPassword",
    "LoginWithToken",
    "LogoutParams",
    "LogoutRequest",
    "LogoutResponse",
    "MultiMonthDiscount",
    "PeriodicFee",
    "ProductSubscription",
    "ProductSubscriptionActivationMode",
    "ProductSubscriptionChargeModel",
    "RefreshAccessTokenParams",
    "RefreshAccessTokenRequest",
    "ServiceFeature",
    "ServiceFeatureAttribute",
    "ServicePoolCombination",
    "SessionData",
    "SimCardInfo",
    "SimCardInfoIsUsed",
    "SubscriptionDiscount",
    "UpdateAccountParams",
    "UpdateAccountParamsReleaseAssignedDid",
    "UpdateAccountRequest",
    "UpdateAccountResponse",
    "VoucherInfo",
    "YesNo",
)

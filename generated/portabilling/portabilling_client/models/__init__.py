"""Contains all the data models used in inputs/outputs"""

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

"""Contains all the data models used in inputs/outputs"""

from .change_package_external_subscription_params import ChangePackageExternalSubscriptionParams
from .change_package_response import ChangePackageResponse

__all__ = ("ChangePackageExternalSubscriptionParams", "ChangePackageResponse")

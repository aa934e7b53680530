"""The domain and the campaign store. Pure Python: never imports Qt."""

from designer.models.account import AccountSettings, Holiday, Skill, WorkingShift
from designer.models.assets import Asset
from designer.models.base import Base
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.changes import Change
from designer.models.engagement import WIZARD_STAGES, Engagement
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.window_library import LibraryWindow

__all__ = [
    "WIZARD_STAGES",
    "AccountSettings",
    "LibraryWindow",
    "Asset",
    "Base",
    "Behavior",
    "Campaign",
    "CampaignVersion",
    "Change",
    "Engagement",
    "EntryPoint",
    "Holiday",
    "Skill",
    "TargetAudience",
    "WorkingShift",
]

"""The product's words as enumerations, with the reference's defaults.

Every choice a designer makes from a fixed list lives here, once, so the
store, validation, the views and the exported manifest agree on spelling.
"""

from __future__ import annotations

from enum import StrEnum


class BusinessGoal(StrEnum):
    SELL = "sell"
    LEADS = "leads"
    SERVICE_ACTIVITY = "service_activity"
    PAGE_VIEWS = "page_views"
    OTHER = "other"


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    DISABLED = "disabled"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


# Display chance when engagements of different priorities compete in one zone.
PRIORITY_WEIGHT = {Priority.HIGH: 70, Priority.MEDIUM: 20, Priority.LOW: 10}


class HoursMode(StrEnum):
    ALL_HOURS = "all_hours"
    SPECIFIC_HOURS = "specific_hours"
    WEEKLY = "weekly"


class AttributionModel(StrEnum):
    FIRST = "first"
    LAST = "last"
    SPLIT = "split"


CROSS_SESSION_DAYS = (0, 1, 7, 14, 31)
# None means unlimited, the reference's default.
DISPLAYS_PER_VISIT = (1, 2, 3, None)


class EngagementKind(StrEnum):
    CONVERSATION = "conversation"
    CONTENT = "content"


class Zone(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    PROACTIVE = "proactive"
    EMBEDDED = "embedded"


# The formats (which zones each stands in, its size, its placement): formats.py.


class AgentState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    BUSY = "busy"


class StateDisplay(StrEnum):
    """What an engagement does when agents are offline or busy."""

    SHOW_DESIGN = "show_design"
    HIDE = "hide"


class Routing(StrEnum):
    ALL_SKILLS = "all_skills"
    SPECIFIC_SKILL = "specific_skill"


class WindowOpensAs(StrEnum):
    EMBEDDED = "embedded"
    SEPARATE_WINDOW = "separate_window"


class ConversationType(StrEnum):
    MESSAGING = "messaging"


class UrlMatch(StrEnum):
    EQUALS = "equals"
    CONTAINS = "contains"
    STARTS_WITH = "starts_with"
    WILDCARD = "wildcard"
    REGEX = "regex"


class MatchMode(StrEnum):
    """How a behavior's or an audience's conditions combine: all of them, or any one."""

    ALL = "all"
    ANY = "any"


class Platform(StrEnum):
    DESKTOP = "desktop"
    TABLET = "tablet"
    PHONE = "phone"


class MarketingSource(StrEnum):
    DIRECT = "direct"
    DISPLAY = "display"
    EMAIL = "email"
    PAID_SEARCH = "paid_search"
    REFERRAL = "referral"
    SEARCH = "search"
    SOCIAL = "social"
    CUSTOM = "custom"


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

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


class EngagementFormat(StrEnum):
    STICKY_BUTTON = "sticky_button"
    SLIDE_OUT = "slide_out"
    OVERLAY = "overlay"
    TOASTER = "toaster"
    PEELING_CORNER = "peeling_corner"
    EMBEDDED_BUTTON = "embedded_button"
    EMBEDDED_BANNER = "embedded_banner"


# Which zones a format may stand in: side formats go left or right.
FORMAT_ZONES: dict[EngagementFormat, tuple[Zone, ...]] = {
    EngagementFormat.STICKY_BUTTON: (Zone.RIGHT, Zone.LEFT),
    EngagementFormat.SLIDE_OUT: (Zone.RIGHT, Zone.LEFT),
    EngagementFormat.OVERLAY: (Zone.PROACTIVE,),
    EngagementFormat.TOASTER: (Zone.PROACTIVE,),
    EngagementFormat.PEELING_CORNER: (Zone.PROACTIVE,),
    EngagementFormat.EMBEDDED_BUTTON: (Zone.EMBEDDED,),
    EngagementFormat.EMBEDDED_BANNER: (Zone.EMBEDDED,),
}

# Default design size (width, height) per format; overlay and toaster follow the
# reference's mobile guidelines (overlay 440x305, toaster 140 wide).
FORMAT_SIZES: dict[EngagementFormat, tuple[int, int]] = {
    EngagementFormat.STICKY_BUTTON: (160, 48),
    EngagementFormat.SLIDE_OUT: (260, 120),
    EngagementFormat.OVERLAY: (440, 305),
    EngagementFormat.TOASTER: (140, 180),
    EngagementFormat.PEELING_CORNER: (160, 160),
    EngagementFormat.EMBEDDED_BUTTON: (200, 48),
    EngagementFormat.EMBEDDED_BANNER: (600, 120),
}


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

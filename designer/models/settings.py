"""Account, campaign and engagement settings, declared once like design properties.

Each setting is a PropSpec: type, default, limits or choices, label, description
and the sentence for a refused value. The rows' column defaults and check
constraints, validation, the store's refusal sentences, the forms and the
manifest schema's enums and limits all read these; they are looked up when used,
so a limit changed here is the one every one of them applies.
"""

from __future__ import annotations

from designer.models.properties import P, PropSpec
from designer.models.vocabulary import (
    CROSS_SESSION_DAYS,
    DISPLAYS_PER_VISIT,
    AttributionModel,
    BusinessGoal,
    CampaignStatus,
    ConversationType,
    EngagementKind,
    HoursMode,
    Priority,
    Routing,
    WindowOpensAs,
)


def _declare(*specs: PropSpec) -> dict[str, PropSpec]:
    return {s.name: s for s in specs}


# The account's and a campaign's control group share one range and one sentence
# (the store's check constraints are both named control_group_range).
_CONTROL_GROUP = {
    "minimum": 0,
    "maximum": 25,
    "unit": "% of visitors",
    "refusal": "The control group must be between {minimum}% and {maximum}% of visitors.",
}
LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pt", "ja")
# The automatic messages of an engagement: key, label, the text it starts with.
AUTOMATIC_MESSAGES = (
    ("greeting", "Greeting", "Hi! Thanks for reaching out. How can we help?"),
    ("agent_away", "Agents away", "Our team is away right now; we will reply soon."),
    ("closing", "Closing", "Thanks for messaging us. Have a great day!"),
)

ACCOUNT_SETTINGS = _declare(
    P("account_name", "text", "My brand", "Account name"),
    P(
        "idle_time_days",
        "int",
        30,
        "Idle time",
        "Unauthenticated conversations close after this idle time",
        minimum=1,
        maximum=365,
        unit=" days",
    ),
    P(
        "currency",
        "text",
        "USD",
        "Currency",
        "Cart values and conversions are in this ISO 4217 currency",
    ),
    P(
        "cross_session_days",
        "int",
        14,
        "Cross-session period",
        "How long a click is credited with a later conversion",
        choices=CROSS_SESSION_DAYS,
        refusal="The cross-session period must be {choices} days.",
    ),
    P(
        "attribution_model",
        "enum",
        AttributionModel.LAST,
        "Attribution model",
        "Which clicked engagement is credited with a conversion",
        choices=list(AttributionModel),
    ),
    P(
        "control_group_percent",
        "int",
        5,
        "Account control group",
        "A share of visitors who see no engagement at all",
        **_CONTROL_GROUP,
    ),
    *(
        P(
            f"{kind}_displays_per_visit",
            "int",
            None,  # unlimited, the reference's default
            f"Proactive {kind} displays per visit",
            "How many proactive engagements a visit may see",
            choices=DISPLAYS_PER_VISIT,
        )
        for kind in EngagementKind
    ),
    *(
        P(
            f"{kind}_invite_after_decline",
            "bool",
            kind == EngagementKind.CONTENT,
            f"Invite again after a declined {kind} engagement",
        )
        for kind in EngagementKind
    ),
    P(
        "time_zone",
        "time_zone",
        "UTC",
        "Account time zone",
        "The zone the shift scheduler is read in",
    ),
    P(
        "collector_url",
        "url",
        "",
        "Conversion collector URL",
        "Where the tag reports conversions (https address); empty: none are sent",
    ),
)

CAMPAIGN_SETTINGS = _declare(
    P("name", "text", "", "Name", "The campaign's name, unique in the store"),
    P("description", "text", "", "Description"),
    P(
        "goal",
        "enum",
        BusinessGoal.SELL,
        "Business goal",
        "What the campaign is for",
        choices=list(BusinessGoal),
    ),
    P("goal_once_per_visit", "bool", False, "Count once per visit"),
    P("time_zone", "time_zone", "UTC", "Time zone", "Hours are read in this zone"),
    P(
        "hours_mode",
        "enum",
        HoursMode.ALL_HOURS,
        "Hours",
        "When in the week it runs",
        choices=list(HoursMode),
    ),
    P(
        "priority",
        "enum",
        Priority.MEDIUM,
        "Priority",
        "Display chance when engagements compete in one zone",
        choices=list(Priority),
    ),
    P(
        "control_group_percent",
        "int",
        10,
        "Control group",
        "A share of visitors who see none of the campaign, to measure its effect",
        **_CONTROL_GROUP,
    ),
    P("status", "enum", CampaignStatus.DRAFT, "Status", choices=list(CampaignStatus)),
)

ENGAGEMENT_SETTINGS = _declare(
    P(
        "conversation_type",
        "enum",
        ConversationType.MESSAGING,
        "Conversation type",
        choices=list(ConversationType),
    ),
    P(
        "authenticated",
        "bool",
        False,
        "Authenticated visitors only",
        "On: only visitors signed in to the site can start a conversation",
    ),
    P(
        "routing",
        "enum",
        Routing.ALL_SKILLS,
        "Routing",
        "Which agents get the conversation",
        choices=list(Routing),
    ),
    P(
        "window_opens_as",
        "enum",
        WindowOpensAs.EMBEDDED,
        "Window opens as",
        choices=list(WindowOpensAs),
    ),
    P(
        "language",
        "enum",
        "en",
        "Language",
        "Language of the automatic messages",
        choices=LANGUAGES,
    ),
    P(
        "element_id",
        "text",
        "",
        "Page element id",
        "The id of the page element it goes into, e.g. promo-slot",
    ),
    P("content_url", "url", "", "Content link", "The link a content engagement opens"),
    P("kind", "enum", EngagementKind.CONVERSATION, "Kind", choices=list(EngagementKind)),
)


def default_messages() -> dict[str, dict[str, dict]]:
    """A new engagement's automatic messages: each on but the closing one, in English."""
    return {
        "en": {k: {"enabled": k != "closing", "text": text} for k, _, text in AUTOMATIC_MESSAGES}
    }


def column_default(settings: dict[str, PropSpec], name: str) -> object:
    """A setting's default as its column stores it (a plain str, not the enum member)."""
    value = settings[name].default
    return str(value) if isinstance(value, str) else value

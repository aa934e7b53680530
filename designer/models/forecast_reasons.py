"""The tag's sentences for not showing, sorted into the steps of its decision.

Qt-free. The forecast counts the decision's own sentences (the tag's reason
codes expanded by `decisions()` with the sentences the manifest carries, from
designer/bundle/runtime/reasons.json); to say which step held a visitor back
(control group, schedule, zone...) it recognises each sentence by how it
begins. A test checks that every reason of the decision in reasons.json has
its step here, and every beginning below is still one of those sentences.
STEPS are in the order the tag decides, so the step furthest along is the
closest a visitor came to seeing an engagement.
"""

from __future__ import annotations

import re

from designer.models.formats import phone_reasons

STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (key, words shown to the designer, how the tag's sentences begin)
    (
        "setup",
        "Not ready in the bundle",
        (
            "The engagement's campaign is missing",
            "The engagement is turned off",
            "The engagement could not be drawn",
            "The bundle's data for this engagement",
            "The bundle's file ",
            "The engagement's entry point is missing",
        ),
    ),
    (
        "schedule",
        "Outside the campaign's time frame",
        (
            "The campaign's time zone",
            "The campaign “",
            "The campaign is closed today",
            "The campaign's hours",
        ),
    ),
    (
        "account_control",
        "Account control group",
        ("The visitor is in the account's control group",),
    ),
    ("campaign_control", "Campaign control group", ("The visitor is in the campaign “",)),
    ("audience", "Not in the target audience", ("The visitor does not match the target audience",)),
    (
        "entry_point",
        "Not on the entry point",
        ("The page ", "The entry point “"),
    ),
    ("behavior", "Behavior not met", ("The visitor does not match the behavior",)),
    ("agents", "Agents offline or busy", ("Agents are ",)),
    ("closed", "Closed by the visitor", ("The visitor closed this engagement",)),
    (
        "phone",
        "Not shown on phones",
        tuple(sentence.split(":")[0] for sentence in phone_reasons().values()),
    ),
    ("conversation", "In a conversation", ("The visitor is in a conversation",)),
    ("after_decline", "No invitation after a decline", ("The visitor declined a ",)),
    ("displays_limit", "Displays-per-visit limit reached", ("The visitor has already seen ",)),
    ("element", "No page element to hold it", ("The page has no element with id",)),
    ("zone", "Another engagement won the zone", ("Another engagement, ",)),
)
STEP_ORDER = {key: n for n, (key, _, _) in enumerate(STEPS)}
STEP_WORDS = {key: words for key, words, _ in STEPS}
OTHER = "other"
_PREFIXES = sorted(
    ((prefix, key) for key, _, prefixes in STEPS for prefix in prefixes),
    key=lambda pk: -len(pk[0]),
)
_VARIES = re.compile(r"\d+(?:[.:]\d+)*|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def step_of(sentence: str) -> str:
    """The decision step a sentence of the tag comes from (OTHER when unknown)."""
    for prefix, key in _PREFIXES:
        if sentence.startswith(prefix):
            return key
    return OTHER


def step_rank(key: str) -> int:
    return STEP_ORDER.get(key, -1)


def pattern(sentence: str) -> str:
    """The sentence with its numbers and weekdays made alike, to count its variants as one."""
    return _VARIES.sub("#", sentence)

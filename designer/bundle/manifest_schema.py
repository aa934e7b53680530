"""The manifest's JSON schema: the file's structure, with the vocabulary filled in.

manifest.schema.json holds no list of the product's words and no setting's limits:
they are written here from their declarations in designer/models (the settings,
the vocabulary, the conditions and the element properties), so a word or a limit
changed there is the one a bundle is checked against.
"""

from __future__ import annotations

import json
from enum import Enum
from importlib import resources
from typing import Any

from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.formats import ANCHORS, FORMATS
from designer.models.properties import ELEMENT_PROPS, PropSpec
from designer.models.settings import ACCOUNT_SETTINGS, CAMPAIGN_SETTINGS, ENGAGEMENT_SETTINGS
from designer.models.vocabulary import EngagementKind, MatchMode, UrlMatch


def _plain(values: Any) -> list[Any]:
    return [v.value if isinstance(v, Enum) else v for v in values]


def _declared(properties: dict[str, Any], settings: dict[str, PropSpec], *names: str) -> None:
    """Each named setting's choices as its enum, or its limits as minimum and maximum."""
    for name in names:
        spec, rule = settings[name], properties[name]
        if spec.choices:
            rule["enum"] = _plain(spec.choices)
        else:
            rule["minimum"], rule["maximum"] = spec.minimum, spec.maximum


def _condition_types(schema: dict[str, Any], library: str, types: dict[str, Any]) -> None:
    item = schema["$defs"][f"{library}_conditions"]["items"]
    item["properties"]["type"]["enum"] = list(types)


def fill_vocabulary(schema: dict[str, Any]) -> dict[str, Any]:
    """schema (as read from the file) with every enum and limit of the models written in."""
    top = schema["properties"]
    account = top["account"]["properties"]
    _declared(account, ACCOUNT_SETTINGS, "cross_session_days", "attribution_model")
    _declared(account, ACCOUNT_SETTINGS, "control_group_percent")
    for kind in EngagementKind:
        displays = account["displays_per_visit"]["properties"][kind.value]
        displays["enum"] = _plain(ACCOUNT_SETTINGS[f"{kind}_displays_per_visit"].choices)
    campaign = top["campaigns"]["items"]["properties"]
    _declared(campaign, CAMPAIGN_SETTINGS, "status", "goal", "priority", "control_group_percent")
    _declared(campaign["time_frame"]["properties"], CAMPAIGN_SETTINGS, "hours_mode")
    engagement = top["engagements"]["items"]["properties"]
    _declared(engagement, ENGAGEMENT_SETTINGS, "kind", "window_opens_as")
    engagement["format"]["enum"] = [f.value for f in FORMATS]  # the format table's rows
    engagement["placement"]["anyOf"][0]["properties"]["anchor"]["enum"] = list(ANCHORS)
    rule = top["entry_points"]["items"]["properties"]["rules"]["items"]["properties"]
    rule["match"]["enum"] = _plain(UrlMatch)
    schema["$defs"]["match"]["enum"] = _plain(MatchMode)
    schema["$defs"]["element"]["properties"]["kind"]["enum"] = list(ELEMENT_PROPS)
    _condition_types(schema, "audience", AUDIENCE_CONDITIONS)
    _condition_types(schema, "behavior", BEHAVIOR_CONDITIONS)
    return schema


def manifest_schema() -> dict[str, Any]:
    """The schema a manifest is checked against: the file, with the vocabulary filled in."""
    path = resources.files("designer.bundle").joinpath("manifest.schema.json")
    return fill_vocabulary(json.loads(path.read_text("utf-8")))

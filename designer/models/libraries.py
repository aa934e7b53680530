"""The reusable libraries: entry points, target audiences and behaviors.

Each is named and shared by every engagement (or campaign) that uses it;
`used_by` lists them so an edit or a delete can say who it touches.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from designer.models.base import Base, Timestamps, Versioned
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS, describe_all
from designer.models.vocabulary import MatchMode

_RULE_WORDS = {
    "equals": "is",
    "contains": "contains",
    "starts_with": "starts with",
    "wildcard": "matches",
    "regex": "matches the pattern",
}


class EntryPoint(Versioned, Timestamps, Base):
    """A section of the site: URL rules (any may match), exclusions and page sections.

    rules: [{"match": UrlMatch, "value": str, "exclude": bool}]
    sections: the page sections (tags the site declares) it is limited to, if any.
    """

    __tablename__ = "entry_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    rules: Mapped[list] = mapped_column(default=list)
    sections: Mapped[list] = mapped_column(default=list)

    # passive_deletes: the database refuses (RESTRICT) to delete an item in use,
    # instead of the ORM quietly emptying the field of every engagement using it.
    engagements: Mapped[list[Engagement]] = relationship(  # noqa: F821
        back_populates="entry_point", passive_deletes="all"
    )

    def used_by(self) -> list[Engagement]:  # noqa: F821
        return sorted(self.engagements, key=lambda e: (e.campaign.name, e.name))

    def in_words(self) -> str:
        """'URL contains /checkout, but not /checkout/done'."""
        include = [r for r in self.rules if not r.get("exclude")]
        exclude = [r for r in self.rules if r.get("exclude")]

        def say(rule: dict[str, Any]) -> str:
            return f"{_RULE_WORDS.get(rule.get('match', ''), '?')} {rule.get('value', '')}"

        text = "URL " + " or ".join(say(r) for r in include) if include else "No URL yet"
        if exclude:
            text += ", but not " + " or ".join(
                r["value"] if r.get("match") == "contains" else say(r) for r in exclude
            )
        if self.sections:
            text += f", in section {' or '.join(self.sections)}"
        return text


class TargetAudience(Versioned, Timestamps, Base):
    """A visitor profile: conditions over who the visitor is, all or any of them."""

    __tablename__ = "target_audiences"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    match: Mapped[str] = mapped_column(String(3), default=MatchMode.ALL.value)
    conditions: Mapped[list] = mapped_column(default=list)

    campaigns: Mapped[list[Campaign]] = relationship(  # noqa: F821
        back_populates="audience", passive_deletes="all"
    )

    def used_by(self) -> list[Campaign]:  # noqa: F821
        return sorted(self.campaigns, key=lambda c: c.name)

    def in_words(self) -> str:
        return describe_all(AUDIENCE_CONDITIONS, self.conditions, self.match)


class Behavior(Versioned, Timestamps, Base):
    """A behavioral targeting rule, re-evaluated while the visitor stays."""

    __tablename__ = "behaviors"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    match: Mapped[str] = mapped_column(String(3), default=MatchMode.ALL.value)
    conditions: Mapped[list] = mapped_column(default=list)

    engagements: Mapped[list[Engagement]] = relationship(  # noqa: F821
        back_populates="behavior", passive_deletes="all"
    )

    def used_by(self) -> list[Engagement]:  # noqa: F821
        return sorted(self.engagements, key=lambda e: (e.campaign.name, e.name))

    def in_words(self) -> str:
        return describe_all(BEHAVIOR_CONDITIONS, self.conditions, self.match)

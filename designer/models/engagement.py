"""Engagements: one button or banner on the site, made in six stages."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from designer.models.base import Base, Timestamps, Versioned
from designer.models.design import StateDesigns, WindowDesign
from designer.models.formats import FORMAT_ZONES, EngagementFormat
from designer.models.settings import ENGAGEMENT_SETTINGS, column_default
from designer.models.vocabulary import Zone


def _default(name: str) -> object:
    return column_default(ENGAGEMENT_SETTINGS, name)


WIZARD_STAGES = ("gallery", "settings", "studio", "window", "entry_point", "behavior", "summary")


class Engagement(Versioned, Timestamps, Base):
    """A web engagement of a campaign.

    automatic_messages: {language: {message key: {"enabled": bool, "text": str}}}
    predefined_content: [{"title": str, "text": str}]
    designs: StateDesigns.to_dict(); window_design: WindowDesign.to_dict()
    """

    __tablename__ = "engagements"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(10), default="web")
    format: Mapped[str] = mapped_column(String(20), default="sticky_button")
    zone: Mapped[str] = mapped_column(String(10), default="right")
    element_id: Mapped[str] = mapped_column(String(100), default=_default("element_id"))
    kind: Mapped[str] = mapped_column(String(12), default=_default("kind"))
    enabled: Mapped[bool] = mapped_column(default=True)
    template: Mapped[str] = mapped_column(String(100), default="")
    # Settings stage
    conversation_type: Mapped[str] = mapped_column(
        String(20), default=_default("conversation_type")
    )
    authenticated: Mapped[bool] = mapped_column(default=_default("authenticated"))
    routing: Mapped[str] = mapped_column(String(20), default=_default("routing"))
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="SET NULL"))
    window_opens_as: Mapped[str] = mapped_column(String(20), default=_default("window_opens_as"))
    language: Mapped[str] = mapped_column(String(10), default=_default("language"))
    automatic_messages: Mapped[dict] = mapped_column(default=dict)
    predefined_content: Mapped[list] = mapped_column(default=list)
    content_url: Mapped[str] = mapped_column(String(500), default=_default("content_url"))
    # Studio and Window stages
    designs: Mapped[dict] = mapped_column(default=dict)
    window_design: Mapped[dict] = mapped_column(default=dict)
    # Entry Point and Behavior stages
    entry_point_id: Mapped[int | None] = mapped_column(
        ForeignKey("entry_points.id", ondelete="RESTRICT")
    )
    behavior_id: Mapped[int | None] = mapped_column(ForeignKey("behaviors.id", ondelete="RESTRICT"))
    # The wizard's stage reached; "done" once the summary was confirmed.
    wizard_stage: Mapped[str] = mapped_column(String(20), default="done")

    campaign: Mapped[Campaign] = relationship(back_populates="engagements")  # noqa: F821
    skill: Mapped[Skill | None] = relationship()  # noqa: F821
    entry_point: Mapped[EntryPoint | None] = relationship(back_populates="engagements")  # noqa: F821
    behavior: Mapped[Behavior | None] = relationship(back_populates="engagements")  # noqa: F821

    @property
    def zone_key(self) -> str:
        """The zone engagements compete in: left, right, proactive or embedded:<element id>."""
        return f"embedded:{self.element_id}" if self.zone == Zone.EMBEDDED else self.zone

    def set_format(self, fmt: EngagementFormat, zone: Zone | None = None) -> None:
        allowed = FORMAT_ZONES[fmt]
        self.format = fmt.value
        self.zone = (zone if zone in allowed else allowed[0]).value

    def state_designs(self) -> StateDesigns:
        return StateDesigns.from_dict(self.designs)

    def set_state_designs(self, designs: StateDesigns) -> None:
        self.designs = designs.to_dict()

    def get_window_design(self) -> WindowDesign:
        return WindowDesign.from_dict(self.window_design)

    def messages_on(self) -> dict[str, str]:
        """The automatic messages that are on, in the engagement's language: {key: text}."""
        messages = self.automatic_messages if isinstance(self.automatic_messages, dict) else {}
        own = messages.get(self.language)
        return {
            key: str(m.get("text", ""))
            for key, m in sorted(own.items() if isinstance(own, dict) else ())
            if isinstance(m, dict) and m.get("enabled")
        }

    def __repr__(self) -> str:
        return f"Engagement({self.name!r}, {self.format}/{self.zone_key})"

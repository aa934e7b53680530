"""initial campaign store

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.Column("idle_time_days", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("cross_session_days", sa.Integer(), nullable=False),
        sa.Column("attribution_model", sa.String(length=10), nullable=False),
        sa.Column("control_group_percent", sa.Integer(), nullable=False),
        sa.Column("conversation_displays_per_visit", sa.Integer(), nullable=True),
        sa.Column("content_displays_per_visit", sa.Integer(), nullable=True),
        sa.Column("conversation_invite_after_decline", sa.Boolean(), nullable=False),
        sa.Column("content_invite_after_decline", sa.Boolean(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("collector_url", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "control_group_percent BETWEEN 0 AND 25",
            name=op.f("ck_account_settings_control_group_range"),
        ),
        sa.CheckConstraint(
            "cross_session_days IN (0, 1, 7, 14, 31)",
            name=op.f("ck_account_settings_cross_session_days"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_settings")),
    )
    op.create_table(
        "behaviors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("match", sa.String(length=3), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_behaviors")),
        sa.UniqueConstraint("name", name=op.f("uq_behaviors_name")),
    )
    op.create_table(
        "entry_points",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_points")),
        sa.UniqueConstraint("name", name=op.f("uq_entry_points_name")),
    )
    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("name", name=op.f("uq_skills_name")),
    )
    op.create_table(
        "target_audiences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("match", sa.String(length=3), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_audiences")),
        sa.UniqueConstraint("name", name=op.f("uq_target_audiences_name")),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("goal", sa.String(length=20), nullable=False),
        sa.Column("goal_once_per_visit", sa.Boolean(), nullable=False),
        sa.Column("audience_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("hours_mode", sa.String(length=20), nullable=False),
        sa.Column("shifts", sa.JSON(), nullable=False),
        sa.Column("special_occasions", sa.JSON(), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("control_group_percent", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "control_group_percent BETWEEN 0 AND 25", name=op.f("ck_campaigns_control_group_range")
        ),
        sa.ForeignKeyConstraint(
            ["audience_id"],
            ["target_audiences.id"],
            name=op.f("fk_campaigns_audience_id_target_audiences"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("name", name=op.f("uq_campaigns_name")),
    )
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaigns_status"), ["status"], unique=False)

    op.create_table(
        "holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_holidays_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_holidays")),
    )
    op.create_table(
        "working_shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("end_minute", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440", name=op.f("ck_working_shifts_minute_range")
        ),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_working_shifts_weekday_range")),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_working_shifts_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_working_shifts")),
    )
    op.create_table(
        "engagements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("zone", sa.String(length=10), nullable=False),
        sa.Column("element_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("template", sa.String(length=100), nullable=False),
        sa.Column("conversation_type", sa.String(length=20), nullable=False),
        sa.Column("authenticated", sa.Boolean(), nullable=False),
        sa.Column("routing", sa.String(length=20), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=True),
        sa.Column("window_opens_as", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("automatic_messages", sa.JSON(), nullable=False),
        sa.Column("predefined_content", sa.JSON(), nullable=False),
        sa.Column("content_url", sa.String(length=500), nullable=False),
        sa.Column("designs", sa.JSON(), nullable=False),
        sa.Column("window_design", sa.JSON(), nullable=False),
        sa.Column("entry_point_id", sa.Integer(), nullable=True),
        sa.Column("behavior_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["behavior_id"],
            ["behaviors.id"],
            name=op.f("fk_engagements_behavior_id_behaviors"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_engagements_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_point_id"],
            ["entry_points.id"],
            name=op.f("fk_engagements_entry_point_id_entry_points"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_engagements_skill_id_skills"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagements")),
    )
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagements_campaign_id"), ["campaign_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("engagements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagements_campaign_id"))

    op.drop_table("engagements")
    op.drop_table("working_shifts")
    op.drop_table("holidays")
    with op.batch_alter_table("campaigns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_campaigns_status"))

    op.drop_table("campaigns")
    op.drop_table("target_audiences")
    op.drop_table("skills")
    op.drop_table("entry_points")
    op.drop_table("behaviors")
    op.drop_table("account_settings")

"""row versions and the change log

Every row designers edit carries a version (counted up by each edit, checked
by each UPDATE) and the name of who changed it last; the change log lets every
open window see others' changes. Rows made before this revision start at 1.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

VERSIONED = (
    "account_settings",
    "behaviors",
    "campaigns",
    "engagements",
    "entry_points",
    "holidays",
    "skills",
    "target_audiences",
    "working_shifts",
)


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
            batch_op.add_column(
                sa.Column("changed_by", sa.String(length=200), nullable=False, server_default="")
            )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("row_name", sa.String(length=200), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("client", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )


def downgrade() -> None:
    op.drop_table("changes")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_by")
            batch_op.drop_column("version")

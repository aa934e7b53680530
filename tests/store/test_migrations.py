"""Migrations: head matches the ORM, and an old store is upgraded with its data intact."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, select

from designer.models import Base, Campaign, Engagement, EntryPoint, migrate
from designer.models.errors import StoreError
from designer.models.store import Store


def test_head_read_from_the_version_files_is_alembics_head() -> None:
    script = ScriptDirectory.from_config(migrate.config(create_engine("sqlite://")))
    assert migrate.head_revision() == script.get_current_head()
    assert set(migrate.revisions()) == {r.revision for r in script.walk_revisions()}


def test_empty_database_upgraded_to_head_matches_the_orm(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert migrate.upgrade(engine, tmp_path / "new.sqlite") is None
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def make_store_at_0001(path: Path) -> None:
    """A store as version 0001 of the app left it, filled with plain SQL."""
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path, target="0001")
    engine.dispose()
    design = {"online": {"props": {"label": "Ask us"}, "elements": []}}
    con = sqlite3.connect(path)
    now = "2026-01-02 03:04:05"
    con.executescript(
        f"""
        INSERT INTO account_settings VALUES
          (1, 'Old brand', 30, 'EUR', 7, 'first', 5, NULL, 2, 0, 1, 'Europe/Paris', '');
        INSERT INTO skills VALUES (1, 'Billing');
        INSERT INTO entry_points VALUES
          (1, 'Invoices', '[{{"match": "contains", "value": "/invoices"}}]', '[]', '{now}', '{now}');
        INSERT INTO campaigns VALUES
          (1, 'Billing help', 'Old campaign', 'service_activity', 0, NULL, NULL, NULL,
           'Europe/Paris', 'all_hours', '[]', '[]', 'low', 12, 'published', '{now}', '{now}');
        INSERT INTO engagements VALUES
          (1, 1, 0, 'Invoice button', 'web', 'sticky_button', 'left', '', 'conversation', 1, '',
           'messaging', 1, 'specific_skill', 1, 'embedded', 'fr', '{{}}', '[]', '',
           '{json.dumps(design)}', '{{}}', 1, NULL, '{now}', '{now}');
        """
    )
    con.commit()
    con.close()


def test_store_from_revision_0001_is_upgraded_with_its_data_and_a_backup(store_path: Path) -> None:
    make_store_at_0001(store_path)
    store = Store.open(store_path)
    with store.read() as s:
        campaign = s.scalars(select(Campaign)).one()  # the sample was not added
        assert (campaign.name, campaign.priority, campaign.control_group_percent) == (
            "Billing help",
            "low",
            12,
        )
        engagement = campaign.engagements[0]
        assert engagement.name == "Invoice button"
        assert engagement.skill.name == "Billing"
        assert engagement.entry_point.in_words() == "URL contains /invoices"
        assert engagement.state_designs().online.props["label"] == "Ask us"
        assert engagement.wizard_stage == "done"  # made before the wizard could resume
        assert campaign.versions == []
        account = store.account(s)
        assert (account.account_name, account.currency, account.attribution_model) == (
            "Old brand",
            "EUR",
            "first",
        )
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert "campaign_versions" in store.table_names()
    store.close()

    backup = store_path.with_name("campaigns.sqlite.before-upgrade-from-0001")
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name FROM campaigns").fetchall() == [("Billing help",)]
    con.close()


def test_reopening_an_upgraded_store_makes_no_second_backup(store_path: Path) -> None:
    make_store_at_0001(store_path)
    Store.open(store_path).close()
    Store.open(store_path).close()
    backups = sorted(p.name for p in store_path.parent.iterdir() if "before-upgrade" in p.name)
    assert backups == ["campaigns.sqlite.before-upgrade-from-0001"]


def test_upgraded_store_keeps_working(store_path: Path) -> None:
    make_store_at_0001(store_path)
    store = Store.open(store_path)
    with store.edit() as s:
        campaign = s.scalars(select(Campaign)).one()
        campaign.engagements.append(Engagement(name="Second button", zone="right"))
        s.add(EntryPoint(name="Everything", rules=[{"match": "wildcard", "value": "*"}]))
    with store.read() as s:
        names = [e.name for e in s.scalars(select(Campaign)).one().engagements]
    assert names == ["Invoice button", "Second button"]
    columns = {c["name"] for c in inspect(store.engine).get_columns("engagements")}
    assert "wizard_stage" in columns
    store.close()


def test_store_is_not_upgraded_when_its_backup_cannot_be_written(store_path: Path) -> None:
    make_store_at_0001(store_path)
    before = hashlib.sha256(store_path.read_bytes()).digest()
    store_path.with_name("campaigns.sqlite.before-upgrade-from-0001").mkdir()  # in the way
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    assert str(caught.value).startswith(
        "campaigns.sqlite needs an upgrade, but its backup copy "
        "campaigns.sqlite.before-upgrade-from-0001 could not be written"
    )
    con = sqlite3.connect(store_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert con.execute("SELECT name FROM campaigns").fetchall() == [("Billing help",)]
    con.close()
    assert hashlib.sha256(store_path.read_bytes()).digest() == before

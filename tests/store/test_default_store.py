"""Where the default store lives, seeding once, and stores opened by SQLAlchemy URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from designer.models import AccountSettings, Campaign
from designer.models.store import Store, default_store_path


def campaign_names(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Campaign.name).order_by(Campaign.name)))


def test_default_store_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ENGAGEMENT_DESIGNER_STORE", str(tmp_path / "team" / "shared.sqlite"))
    assert default_store_path() == tmp_path / "team" / "shared.sqlite"


def test_default_store_is_in_the_users_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ENGAGEMENT_DESIGNER_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_store_path() == tmp_path / "data" / "EngagementDesigner" / "campaigns.sqlite"
    store = Store.open()  # makes the missing folder
    assert store.path == default_store_path()
    store.close()


def test_first_open_seeds_the_sample_and_later_opens_do_not(
    _isolated_default_store: Path,
) -> None:
    store = Store.open()
    assert store.path == _isolated_default_store
    assert campaign_names(store) == ["Customer care", "Winter sale"]
    with store.edit() as s:
        s.execute(delete(Campaign))  # the designer clears the sample away
    store.close()

    store = Store.open()
    assert campaign_names(store) == []
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(AccountSettings)) == 1
    store.close()


def test_new_store_without_the_sample_has_default_account_settings(empty_store: Store) -> None:
    assert campaign_names(empty_store) == []
    with empty_store.read() as s:
        assert empty_store.account(s).account_name == "My brand"


def test_sqlite_url_goes_through_the_url_branch(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'team.sqlite'}"
    store = Store.open(url)
    assert store.path is None  # a URL store: no file checks, no backups
    assert store.label == "team.sqlite"
    assert str(store.engine.url) == url
    assert campaign_names(store) == ["Customer care", "Winter sale"]
    with store.edit() as s:
        s.add(Campaign(name="Team campaign"))
    store.close()

    store = Store.open(url)
    assert campaign_names(store) == ["Customer care", "Team campaign", "Winter sale"]
    store.close()
    assert (tmp_path / "team.sqlite").exists()


def test_team_store_url_that_cannot_be_reached_gives_a_sentence_without_the_password() -> None:
    from designer.models.errors import StoreError

    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://designer:s3cret@127.0.0.1:9/campaigns")
    assert "campaigns on 127.0.0.1:9 cannot be reached" in str(caught.value)
    assert "s3cret" not in str(caught.value)

"""A team store on PostgreSQL: opened from a URL, the same schema as SQLite, no password shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select

from designer.models import Campaign, migrate
from designer.models.errors import StoreError
from designer.models.store import Store
from tests.store.pg_server import PgServer


@pytest.mark.parametrize("driver", ["postgresql", "postgresql+psycopg"])
def test_a_postgresql_url_opens_a_team_store_with_the_sample(
    pg_server: PgServer, driver: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = pg_server.create_database()
    store = Store.open(pg_server.url(name, driver=driver))
    try:
        assert store.is_server and store.engine.dialect.name == "postgresql"
        assert store.path is None
        assert store.label == f"{name} on 127.0.0.1:{pg_server.port}"
        assert pg_server.password not in store.label
        with store.read() as s:
            assert s.scalars(select(Campaign.name)).all()  # seeded with the sample
    finally:
        store.close()
    assert list(tmp_path.iterdir()) == []  # no SQLite file named after the URL
    with pg_server.admin() as conn:
        conn.execute(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").fetchone()


def test_opening_the_same_new_team_store_twice_migrates_and_seeds_it_once(
    pg_server: PgServer,
) -> None:
    url = pg_server.url(pg_server.create_database())
    first, second = Store.open(url), Store.open(url)
    with second.read() as s:
        names = s.scalars(select(Campaign.name)).all()
    first.close()
    second.close()
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda u, pw: u.replace(pw, "wrong-password"), "refused the user name or password"),
        (lambda u, pw: u.rsplit("/", 1)[0] + "/no_such_db", "has no such database"),
        (lambda u, pw: u.replace("127.0.0.1:", "127.0.0.1:1"), "cannot be reached"),
    ],
)
def test_a_team_store_that_cannot_be_opened_is_a_sentence_without_the_password(
    pg_server: PgServer, change, words: str
) -> None:
    url = change(pg_server.url("postgres"), pg_server.password)
    if ":1" in url:  # a port nobody listens on
        url = url.replace(f":1{pg_server.port}", ":1")
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    assert words in str(caught.value)
    assert pg_server.password not in str(caught.value)
    assert "wrong-password" not in str(caught.value)


def test_a_malformed_url_never_repeats_its_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("nosuchdb+driver://someone:s3cret-pw@host/db")
    assert "s3cret-pw" not in str(caught.value)


def _schema(engine) -> dict:  # noqa: ANN001 - an Engine
    """The schema as both databases can describe it: names, generic types, keys, indexes."""
    found = inspect(engine)
    tables = {}
    for table in sorted(found.get_table_names()):
        columns = {
            c["name"]: (
                type(c["type"]).__name__.upper().replace("VARCHAR", "STRING"),
                getattr(c["type"], "length", None),
                c["nullable"],
            )
            for c in found.get_columns(table)
        }
        tables[table] = {
            "columns": columns,
            "primary key": found.get_pk_constraint(table)["constrained_columns"],
            "foreign keys": sorted(
                (
                    fk["name"],
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in found.get_foreign_keys(table)
            ),  # fmt: skip
            "unique": sorted(
                (u["name"], tuple(u["column_names"])) for u in found.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(table)
                if not i.get("duplicates_constraint")
            ),
            "checks": sorted(c["name"] for c in found.get_check_constraints(table)),
        }
    return tables


_SAME_TYPE = {
    "TEXT": "STRING",
    "FLOAT": "DOUBLE_PRECISION",
    "BYTEA": "BLOB",
    "TIMESTAMP": "DATETIME",
}


def _generic(schema: dict) -> dict:
    for table in schema.values():
        for name, (kind, length, nullable) in table["columns"].items():
            table["columns"][name] = (_SAME_TYPE.get(kind, kind), length, nullable)
    return schema


def test_migrations_make_the_same_schema_on_postgresql_as_on_sqlite(
    pg_server: PgServer, tmp_path: Path
) -> None:
    lite = create_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    migrate.upgrade(lite, tmp_path / "new.sqlite")
    server = create_engine(pg_server.url(pg_server.create_database()))
    migrate.upgrade(server, None)
    try:
        assert migrate.current_revision(server) == migrate.current_revision(lite)
        lite_schema, server_schema = _generic(_schema(lite)), _generic(_schema(server))
        assert set(server_schema) == set(lite_schema)
        assert server_schema["campaigns"]["columns"]["name"] == ("STRING", 200, False)
        for table in lite_schema:
            assert server_schema[table] == lite_schema[table], table
    finally:
        lite.dispose()
        server.dispose()


def test_a_team_store_is_upgraded_step_by_step_to_the_schema_a_new_one_gets(
    pg_server: PgServer,
) -> None:
    old = create_engine(pg_server.url(pg_server.create_database()))
    new = create_engine(pg_server.url(pg_server.create_database()))
    try:
        for revision in sorted(migrate.revisions()):
            migrate.upgrade(old, None, target=revision)
            assert migrate.current_revision(old) == revision
        migrate.upgrade(new, None)
        assert _schema(old) == _schema(new)
        from alembic import command

        command.downgrade(migrate.config(old), "0001")
        assert migrate.current_revision(old) == "0001"
    finally:
        old.dispose()
        new.dispose()

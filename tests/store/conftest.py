"""Store fixtures: a real PostgreSQL server for the session, and stores on both databases."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from designer.models.store import Store
from tests.store.pg_server import PgServer


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL 15 cluster of its own on 127.0.0.1, removed when the session ends."""
    server = PgServer()
    yield server
    server.close()


@pytest.fixture(scope="session")
def _pg_templates(pg_server: PgServer) -> dict[bool, str]:
    """A sample store and an empty one on the server, copied (CREATE DATABASE … TEMPLATE) per test."""
    names = {}
    for seed in (True, False):
        names[seed] = pg_server.create_database()
        Store.open(pg_server.url(names[seed]), seed=seed).close()
    return names


@pytest.fixture
def pg_database(pg_server: PgServer, _pg_templates: dict[bool, str]) -> str:
    """A new sample store's database on the server (kept until the server goes at the end:
    a closed window's late timer may still read it)."""
    return pg_server.create_database(template=_pg_templates[True])


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, store_path: Path, _new_store_files) -> str:
    """Where a sample store lives: a SQLite file, or a database on the test's PostgreSQL."""
    if request.param == "sqlite":
        shutil.copyfile(_new_store_files[True], store_path)
        return str(store_path)
    server: PgServer = request.getfixturevalue("pg_server")
    return server.url(request.getfixturevalue("pg_database"))


@pytest.fixture
def any_store(store_target: str) -> Iterator[Store]:
    """A sample store on SQLite, then on PostgreSQL: the same test runs on both."""
    store = Store.open(store_target)
    yield store
    store.close()

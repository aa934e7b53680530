"""A real PostgreSQL server for the tests: Debian's binaries, a temporary cluster, 127.0.0.1 only.

`initdb` makes the cluster in a temporary folder with a password-protected superuser; the
server listens on a free port of 127.0.0.1 and on no Unix socket, so nothing outside the
machine (and no other cluster) can reach it. As root, the server runs as the unprivileged
`postgres` user, which PostgreSQL requires.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg


def _binaries() -> Path:
    """The newest PostgreSQL Debian installed (15 on bookworm)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run `make system` (as root).")
    return found[-1].parent


BIN = _binaries()
USER = "designer"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One throw-away PostgreSQL cluster; `url(db)` gives a store URL, `stop()` removes it all."""

    def __init__(self) -> None:
        self.password = secrets.token_urlsafe(12)
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="designer-pg-"))
        self.data = self.folder / "data"
        self._as: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.folder.chmod(0o700)
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if self._as:
            os.chown(pwfile, pwd.getpwnam("postgres").pw_uid, -1)
        self._run(
            str(BIN / "initdb"), "-D", str(self.data), "-U", USER, "--pwfile", str(pwfile),
            "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        pwfile.unlink()
        self.log = self.folder / "server.log"
        self.start()

    def _run(self, *argv: str) -> None:
        subprocess.run([*self._as, *argv], check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        """Start (or restart after `stop_server`) the server and wait until it answers."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                  "-o", options, "-w", "-t", "60", "start")  # fmt: skip

    def stop_server(self, mode: str = "fast") -> None:
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{USER}:{self.password}@127.0.0.1:{self.port}/{database}"

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=USER, password=self.password,
            dbname="postgres", autocommit=True,
        )  # fmt: skip

    def create_database(self, template: str | None = None) -> str:
        name = f"store_{secrets.token_hex(6)}"
        with self.admin() as conn:
            like = f" TEMPLATE {template}" if template else ""
            conn.execute(f"CREATE DATABASE {name}{like}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def terminate_clients(self, database: str) -> int:
        """Cut every connection to database (as a lost network would); returns how many."""
        with self.admin() as conn:
            rows = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            ).fetchall()
        return len(rows)

    def close(self) -> None:
        try:
            self.stop_server("immediate")
        except subprocess.CalledProcessError:
            pass  # already stopped
        finally:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    shutil.rmtree(self.folder)
                    break
                except OSError:
                    time.sleep(0.2)

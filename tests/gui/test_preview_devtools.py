"""No open door: the preview's mobile emulation opens no endpoint another process can reach,
and a preview page reads no local file but the host page the designer chose."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtNetwork import QHostAddress, QTcpServer

ROOT = Path(__file__).resolve().parents[2]
UNIX_ACCEPTING = 0x10000  # __SO_ACCEPTCON in /proc/net/unix's Flags: a listening socket


def _process_tree(root: int) -> set[int]:
    """root and every process it started (QtWebEngine's renderers, GPU and utility processes)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, ppid in parents.items() if ppid in tree} - tree
        tree |= more
        grew = bool(more)
    return tree


def _socket_inodes(pids: set[int]) -> set[str]:
    inodes = set()
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    return inodes


def listening_sockets(pid: int) -> list[str]:
    """Every socket the process (and its children) listens on: TCP, TCP6 and Unix."""
    inodes = _socket_inodes(_process_tree(pid))
    found = []
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                found.append(f"{table} {fields[1]}")
    for line in Path("/proc/net/unix").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[3], 16) & UNIX_ACCEPTING and fields[6] in inodes:
            found.append(f"unix {fields[7] if len(fields) > 7 else '(unnamed)'}")
    return found


def _close(browser, engine) -> None:  # noqa: ANN001 - a PreviewBrowser and its PreviewEngine
    browser.close()
    browser.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_phone_preview_is_truly_emulated_and_the_app_listens_on_no_socket(store_path, store):
    """The app's process (a phone preview in a process of its own, told to open a DevTools
    port as an inherited setting would) and its QtWebEngine processes listen on nothing."""
    import json
    import socket
    import subprocess
    import sys

    from designer.preview.profiles import PHONE

    # The listing sees a listening socket of a process when there is one.
    server = QTcpServer()
    assert server.listen(QHostAddress.SpecialAddress.LocalHost, 0)
    port = f":{server.serverPort():04X}"
    assert any(s.startswith("tcp ") and s.endswith(port) for s in listening_sockets(os.getpid()))
    server.close()
    assert not any(s.endswith(port) for s in listening_sockets(os.getpid()))

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    env = dict(os.environ, QTWEBENGINE_REMOTE_DEBUGGING=f"127.0.0.1:{free}")
    env["QTWEBENGINE_CHROMIUM_FLAGS"] += f" --remote-debugging-port={free}"
    with subprocess.Popen(
        [sys.executable, "-m", "tests.gui.phone_preview", str(store_path)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as app:  # fmt: skip
        try:
            shown = json.loads(app.stdout.readline())
            sockets = listening_sockets(app.pid)
        finally:
            app.stdin.close()
            app.wait(timeout=60)
    assert shown == {
        "loaded": True,
        "device": [PHONE.width, PHONE.device_pixel_ratio, 1, True],  # truly a phone
        "png": True,  # pictures come through the same channel
    }
    assert sockets == []


def test_a_host_page_reads_no_local_file_but_its_own(qtbot, store, tmp_path):
    import json

    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine
    from designer.preview.profiles import PHONE
    from designer.preview.served_files import LOCAL_HOST, page_url

    secret = tmp_path / "secret.txt"
    secret.write_text("not for web pages")
    host = tmp_path / "site" / "host.html"
    host.parent.mkdir()
    host.write_text("<!doctype html><title>Host</title><p>My shop</p>")
    (host.parent / "shop.css").write_text("p { color: teal }")
    (host.parent / "notes.txt").write_text("not for web pages either")
    (host.parent / ".git").mkdir()
    (host.parent / ".git" / "config.js").write_text("a hidden folder's file")
    engine = PreviewEngine(store)
    engine.files.local_file = host
    browser = PreviewBrowser(engine, PHONE)
    browser.show()
    try:
        assert browser.load_now(page_url(LOCAL_HOST, "/host.html"))
        assert browser.evaluate("document.title") == "Host"
        tries = {
            "file": f"file://{secret}",
            "system file": "file:///etc/hostname",
            "its style": "shop.css",  # the page's own files, beside it, are its to read
            "a file beside it": "notes.txt",
            "a hidden folder": ".git/config.js",
            "above its folder": "../secret.txt",
        }
        browser.evaluate(
            "window.__read = {};"
            + "".join(
                f"fetch({json.dumps(url)}).then(r => r.ok ? r.text() : 'refused').then("
                f"t => window.__read[{json.dumps(name)}] = t,"
                f" e => window.__read[{json.dumps(name)}] = 'refused');"
                for name, url in tries.items()
            )
        )
        done = browser.wait_until(f"Object.keys(window.__read).length === {len(tries)}", 10_000)
        read = json.loads(browser.evaluate("JSON.stringify(window.__read)"))
        assert done, read
        assert read == {
            "file": "refused",
            "system file": "refused",
            "its style": "p { color: teal }",
            "a file beside it": "refused",
            "a hidden folder": "refused",
            "above its folder": "refused",
        }
        assert engine.files.serve(LOCAL_HOST, "/../secret.txt") is None  # nor through the scheme
    finally:
        _close(browser, engine)

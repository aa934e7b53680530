"""The main window's menus and toolbar: every command with its shortcut and tooltip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from designer.views.shell.icons import NAMES, recolour, set_icon
from designer.views.shell.palette import apply_palette

Key = QKeySequence.StandardKey
Window = Any  # the MainWindow (a view above this module)
# What works before a store is open, and when none could be: choosing or making one, the
# view's theme, help. Every other command acts on the store and waits for it.
WITHOUT_STORE = frozenset(
    ["new_store", "open_store", "connect_store", "quit", "editor", "shortcuts", "about"]
    + [f"theme_{mode}" for mode in ("system", "light", "dark")]
)


def _store_files():  # noqa: ANN202 - the module designer.views.store.store_files
    """File > New, Open, Connect…: their module brings the store's, so it loads when used."""
    from designer.views.store import store_files

    return store_files


@dataclass(frozen=True)
class Command:
    """One menu command: its name (also its icon's), text, slot(window), key and tooltip."""

    name: str
    text: str
    slot: Callable[[Window], object]
    key: QKeySequence.StandardKey | str | None = None
    tip: str = ""


class Menus:
    """Adds commands to menus as QActions, named, with key, tooltip and icon."""

    def __init__(self, w: Window) -> None:
        self.w = w
        self.actions: dict[str, QAction] = {}

    def add(self, menu: QMenu, command: Command) -> QAction:
        a = QAction(command.text, self.w)
        a.setObjectName(command.name)
        if command.key is not None:
            key = command.key
            a.setShortcut(QKeySequence(key) if isinstance(key, str) else key)
        a.setToolTip(command.tip or command.text.replace("&", "").rstrip("…"))
        a.setStatusTip(a.toolTip())
        a.triggered.connect(lambda _=False, w=self.w: command.slot(w))
        if command.name in NAMES:
            set_icon(a, command.name)
        menu.addAction(a)
        self.actions[command.name] = a
        return a


def _separator(m: Menus, menu: QMenu) -> None:
    menu.addSeparator()


def _recent_menu(m: Menus, menu: QMenu) -> None:
    recent = menu.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(m.w, recent))


def _dock_toggles(m: Menus, menu: QMenu) -> None:
    menu.addAction(m.w.tree_dock.toggleViewAction())
    menu.addAction(m.w.problems_dock.toggleViewAction())
    m.w.problems_dock.toggleViewAction().setShortcut(QKeySequence("F8"))


def _theme_menu(m: Menus, menu: QMenu) -> None:
    theme = menu.addMenu("&Theme")
    for mode in ("system", "light", "dark"):
        m.add(theme, Command(f"theme_{mode}", mode.capitalize(), partial(_set_theme, mode=mode)))


def _open_forecast(w: Window) -> None:
    from designer.views.forecast.forecast_page import open_forecast  # not needed at start-up

    open_forecast(w)


def _show_about(w: Window) -> None:
    from designer.views.shell.about_dialog import show_about  # not needed at start-up

    show_about(w)


FILE = (
    Command(
        "new_store",
        "&New store…",
        lambda w: _store_files().new_store(w),
        Key.New,
        "Make an empty campaign store",
    ),
    Command(
        "open_store",
        "&Open store…",
        lambda w: _store_files().open_store(w),
        Key.Open,
        "Open a campaign store file",
    ),
    Command(
        "connect_store",
        "Connect to a &team store…",
        lambda w: _store_files().connect_team_store(w),
        tip="Open a campaign store on a PostgreSQL server the team shares",
    ),
    _recent_menu,
    Command(
        "save_copy",
        "Save a &copy…",
        lambda w: _store_files().save_copy(w),
        "Ctrl+Shift+S",
        "Write a consistent copy of the store to another file",
    ),
    _separator,
    Command(
        "export",
        "&Export…",
        lambda w: w.export_bundle(),
        "Ctrl+Shift+E",
        "Write a bundle of published (or chosen) campaigns to a folder or a .zip file",
    ),
    _separator,
    Command("quit", "&Quit", lambda w: w.close(), Key.Quit),
)
EDIT = (
    Command(
        "undo",
        "&Undo",
        lambda w: w.session.undo_stack.undo(),
        Key.Undo,
        "Take back the last change",
    ),
    Command(
        "redo",
        "&Redo",
        lambda w: w.session.undo_stack.redo(),
        "Ctrl+Shift+Z",
        "Make the change again",
    ),
    _separator,
    Command("new_campaign", "New &campaign", lambda w: w.new_campaign(), "Ctrl+Shift+N"),
    Command(
        "edit",
        "Ed&it",
        lambda w: w.edit_selected(),
        tip="Open the selected engagement in the wizard, or the selected campaign's page",
    ),
    Command(
        "add_engagement",
        "Add &engagement…",
        lambda w: w.add_engagement(),
        "Ctrl+E",
        "Make an engagement in the selected campaign with the wizard",
    ),
    Command(
        "duplicate",
        "&Duplicate",
        lambda w: w.duplicate_selected(),
        "Ctrl+D",
        "Copy the selected campaign or engagement",
    ),
    Command(
        "delete",
        "De&lete…",
        lambda w: w.delete_selected(),
        Key.Delete,
        "Delete the selected campaign or engagement",
    ),
    Command(
        "find",
        "&Find",
        lambda w: w.tree.search.setFocus(),
        Key.Find,
        "Search campaigns and engagements",
    ),
)
PLACES = (
    ("campaign", "&Campaigns"),
    ("account", "&Account settings"),
    ("entry_point", "&Entry points"),
    ("audience", "Target a&udiences"),
    ("behavior", "&Behaviors"),
    ("window", "Engagement &windows"),  # the library of conversation-window designs
)
GO = (
    *(
        Command(f"go_{name}", text, lambda w, n=name: w.go_to(n), f"Ctrl+{i}")
        for i, (name, text) in enumerate(PLACES, 1)
    ),
    Command(
        "url_tester",
        "&URL tester…",
        lambda w: w.show_url_tester(),
        "Ctrl+U",
        "Which entry points and engagements the site's pages get: paste URLs or load a sitemap",
    ),
)
CAMPAIGN = (
    Command(
        "publish",
        "&Publish…",
        lambda w: w.publish(),
        "Ctrl+P",
        "Check the selected campaign, then write the site's whole bundle and record versions",
    ),
    Command(
        "publish_site",
        "Publish the &site bundle…",
        lambda w: w.publish_site(),
        "Ctrl+Shift+P",
        "Write the site's bundle as the store is now (every published campaign)",
    ),
    Command(
        "toggle_enabled",
        "&Disable",
        lambda w: w.campaign_page.toggle(),
        "Ctrl+Shift+D",
        "Enable or disable what is selected: an engagement, or the campaign",
    ),
    Command("forecast", "&Forecast…", _open_forecast, "Ctrl+Shift+F"),
)
VIEW = (
    Command(
        "preview",
        "&Preview",
        lambda w: w.show_preview(),
        "F5",
        "Show the selection in the live preview (Ctrl+Shift+F5 goes back to the editor only)",
    ),
    Command(
        "editor",
        "&Editor only",
        lambda w: w.workspace.set_mode("editor"),
        "Ctrl+Shift+F5",
        "Hide the preview and give the editor the whole window",
    ),
    _dock_toggles,
    _theme_menu,
)
HELP = (
    Command(
        "shortcuts",
        "&Keyboard shortcuts",
        lambda w: _show_shortcuts(w, w.actions_by_name),
        "F1",
        "Every command that has a key, and its key",
    ),
    Command("about", "&About", _show_about, tip="Version and store"),
)
MENUS = (
    ("&File", FILE),
    ("&Edit", EDIT),
    ("&Go", GO),
    ("&Campaign", CAMPAIGN),
    ("&View", VIEW),
    ("&Help", HELP),
)
TOOLBAR = ("undo", "redo", "new_campaign", "add_engagement", "publish", "preview")


def build_menus(w: Window) -> dict[str, QAction]:
    """The menu bar (MENUS) and the toolbar; the actions by name."""
    m = Menus(w)
    for title, entries in MENUS:
        menu = w.menuBar().addMenu(title)
        for entry in entries:
            if isinstance(entry, Command):
                m.add(menu, entry)
            else:
                entry(m, menu)
    toolbar = w.addToolBar("Main")
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for name in TOOLBAR:
        toolbar.addAction(m.actions[name])
    w.actions_by_name = m.actions
    w.follow_stack = partial(_follow_stack, w)
    if w.session is not None:
        connect_stack(w)
    else:
        need_store(w, False)
    return m.actions


def need_store(w: Window, is_open: bool) -> None:
    """Commands that act on the store enabled only while one is open: a click while it is
    still opening (or after it could not be opened) does nothing rather than fail."""
    for name, action in w.actions_by_name.items():
        if name not in WITHOUT_STORE:
            action.setEnabled(is_open)


def _follow_stack(w: Window) -> None:
    """Undo and Redo enabled, and their tooltips, as the undo stack is now."""
    if w.session is None:  # the window is closing
        return
    stack = w.session.undo_stack
    undo, redo = w.actions_by_name["undo"], w.actions_by_name["redo"]
    undo.setEnabled(stack.canUndo())
    redo.setEnabled(stack.canRedo())
    # The text stays short for the toolbar; what would be undone is in the tooltip.
    undo.setToolTip(f"Undo: {stack.undoText()} (Ctrl+Z)" if stack.canUndo() else "Nothing to undo")
    redo.setToolTip(
        f"Redo: {stack.redoText()} (Ctrl+Shift+Z)" if stack.canRedo() else "Nothing to redo"
    )
    undo.setStatusTip(undo.toolTip())
    redo.setStatusTip(redo.toolTip())


def connect_stack(w) -> None:  # noqa: ANN001
    """Follow the (new) store's undo stack; Delete acts only where the tree has focus."""
    need_store(w, True)
    toggle = w.actions_by_name.get("toggle_enabled")
    if toggle is not None:  # the new store's campaign page names what it acts on
        w.campaign_page.toggle_changed.connect(toggle.setText)
        toggle.setText(w.campaign_page.toggle_text())
    stack = w.session.undo_stack
    stack.indexChanged.connect(lambda _: w.follow_stack())
    w.follow_stack()
    delete = w.actions_by_name.get("delete")
    if delete is not None:
        # Delete pressed in a library list must not delete the campaign selected in the tree.
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    # The tree's right-click menu: what can be done to the campaign or engagement under it.
    w.tree.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for name in (
        "edit",
        "duplicate",
        "toggle_enabled",
        "delete",
        None,
        "add_engagement",
        "preview",
    ):
        if name is None:
            separator = QAction(w.tree.tree)
            separator.setSeparator(True)
            w.tree.tree.addAction(separator)
        elif name in w.actions_by_name:
            w.tree.tree.addAction(w.actions_by_name[name])


def _fill_recent(w, menu: QMenu) -> None:  # noqa: ANN001
    store_files = _store_files()
    menu.clear()
    items = store_files.recent_stores()
    if not items:
        menu.addAction("No recent stores").setEnabled(False)
    for path in items:
        menu.addAction(path, lambda p=path: store_files.open_store(w, p))


def shortcut_lines(actions: dict[str, QAction]) -> list[str]:
    """'Ctrl+Z — Undo' for every command with a key, in menu order."""
    return [
        f"{a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)} — "
        f"{a.text().replace('&', '').rstrip('…')}"
        for a in actions.values()
        if not a.shortcut().isEmpty()
    ]


def _show_shortcuts(w, actions: dict[str, QAction]) -> None:  # noqa: ANN001
    box = QMessageBox(
        QMessageBox.Icon.Information, "Keyboard shortcuts", "Keyboard shortcuts", parent=w
    )
    box.setInformativeText("\n".join(shortcut_lines(actions)))
    box.setAccessibleName("Keyboard shortcuts")
    box.exec()


def _set_theme(w: Window, mode: str) -> None:
    QSettings().setValue("view/theme", mode)
    apply_palette(QApplication.instance(), mode)
    recolour(w)  # icons are drawn in the theme's text colour
    w.tree.reload()

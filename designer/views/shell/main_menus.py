"""The main window's menus and toolbar: every command with its shortcut and tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from designer.views.forecast.forecast_page import open_forecast
from designer.views.shell import about_dialog
from designer.views.shell.icons import NAMES, recolour, set_icon
from designer.views.shell.palette import apply_palette
from designer.views.store import store_files

Key = QKeySequence.StandardKey


def build_menus(w) -> dict[str, QAction]:  # noqa: ANN001 - the MainWindow
    actions: dict[str, QAction] = {}

    def act(menu: QMenu, name: str, text: str, slot: Callable, key=None, tip: str = "") -> QAction:  # noqa: ANN001
        a = QAction(text, w)
        a.setObjectName(name)
        if key is not None:
            a.setShortcut(QKeySequence(key) if isinstance(key, str) else key)
        a.setToolTip(tip or text.replace("&", "").rstrip("…"))
        a.setStatusTip(a.toolTip())
        a.triggered.connect(lambda _=False: slot())
        if name in NAMES:
            set_icon(a, name)
        menu.addAction(a)
        actions[name] = a
        return a

    bar = w.menuBar()
    file = bar.addMenu("&File")
    act(
        file,
        "new_store",
        "&New store…",
        lambda: store_files.new_store(w),
        Key.New,
        "Make an empty campaign store",
    )
    act(
        file,
        "open_store",
        "&Open store…",
        lambda: store_files.open_store(w),
        Key.Open,
        "Open a campaign store file",
    )
    act(
        file,
        "connect_store",
        "Connect to a &team store…",
        lambda: store_files.connect_team_store(w),
        None,
        "Open a campaign store on a PostgreSQL server the team shares",
    )
    recent = file.addMenu("Open &recent")
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    act(
        file,
        "save_copy",
        "Save a &copy…",
        lambda: store_files.save_copy(w),
        "Ctrl+Shift+S",
        "Write a consistent copy of the store to another file",
    )
    file.addSeparator()
    act(
        file,
        "export",
        "&Export…",
        w.export_bundle,
        "Ctrl+Shift+E",
        "Write a bundle of published (or chosen) campaigns to a folder or a .zip file",
    )
    file.addSeparator()
    act(file, "quit", "&Quit", w.close, Key.Quit)

    edit = bar.addMenu("&Edit")
    undo = act(
        edit,
        "undo",
        "&Undo",
        lambda: w.session.undo_stack.undo(),
        Key.Undo,
        "Take back the last change",
    )
    redo = act(
        edit,
        "redo",
        "&Redo",
        lambda: w.session.undo_stack.redo(),
        "Ctrl+Shift+Z",
        "Make the change again",
    )
    edit.addSeparator()
    act(edit, "new_campaign", "New &campaign", w.new_campaign, "Ctrl+Shift+N")
    act(
        edit,
        "edit",
        "Ed&it",
        w.edit_selected,
        None,
        "Open the selected engagement in the wizard, or the selected campaign's page",
    )
    act(
        edit,
        "add_engagement",
        "Add &engagement…",
        w.add_engagement,
        "Ctrl+E",
        "Make an engagement in the selected campaign with the wizard",
    )
    act(
        edit,
        "duplicate",
        "&Duplicate",
        w.duplicate_selected,
        "Ctrl+D",
        "Copy the selected campaign or engagement",
    )
    act(
        edit,
        "delete",
        "De&lete…",
        w.delete_selected,
        Key.Delete,
        "Delete the selected campaign or engagement",
    )
    act(
        edit,
        "find",
        "&Find",
        lambda: w.tree.search.setFocus(),
        Key.Find,
        "Search campaigns and engagements",
    )

    def follow_stack() -> None:
        if w.session is None:  # the window is closing
            return
        stack = w.session.undo_stack
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        # The text stays short for the toolbar; what would be undone is in the tooltip.
        undo.setToolTip(
            f"Undo: {stack.undoText()} (Ctrl+Z)" if stack.canUndo() else "Nothing to undo"
        )
        redo.setToolTip(
            f"Redo: {stack.redoText()} (Ctrl+Shift+Z)" if stack.canRedo() else "Nothing to redo"
        )
        undo.setStatusTip(undo.toolTip())
        redo.setStatusTip(redo.toolTip())

    w.follow_stack = follow_stack
    go = bar.addMenu("&Go")
    for i, (name, text) in enumerate(
        (
            ("campaign", "&Campaigns"),
            ("account", "&Account settings"),
            ("entry_point", "&Entry points"),
            ("audience", "Target a&udiences"),
            ("behavior", "&Behaviors"),
        ),
        1,
    ):
        act(go, f"go_{name}", text, lambda n=name: w.go_to(n), f"Ctrl+{i}")
    act(
        go,
        "url_tester",
        "&URL tester…",
        lambda: w.show_url_tester(),
        "Ctrl+U",
        "Which entry points and engagements the site's pages get: paste URLs or load a sitemap",
    )
    campaign = bar.addMenu("&Campaign")
    act(
        campaign,
        "publish",
        "&Publish…",
        lambda: w.publish(),
        "Ctrl+P",
        "Check the selected campaign, then write the site's whole bundle and record versions",
    )
    act(
        campaign,
        "publish_site",
        "Publish the &site bundle…",
        lambda: w.publish_site(),
        "Ctrl+Shift+P",
        "Write the site's bundle as the store is now (every published campaign)",
    )
    act(
        campaign,
        "toggle_enabled",
        "&Disable",
        lambda: w.campaign_page.toggle(),
        "Ctrl+Shift+D",
        "Enable or disable what is selected: an engagement, or the campaign",
    )
    act(campaign, "forecast", "&Forecast…", lambda: open_forecast(w), "Ctrl+Shift+F")
    view = bar.addMenu("&View")
    act(
        view,
        "preview",
        "&Preview",
        lambda: w.show_preview(),
        "F5",
        "Show the selection in the live preview (Ctrl+Shift+F5 goes back to the editor only)",
    )
    act(
        view,
        "editor",
        "&Editor only",
        lambda: w.workspace.set_mode("editor"),
        "Ctrl+Shift+F5",
        "Hide the preview and give the editor the whole window",
    )
    view.addAction(w.tree_dock.toggleViewAction())
    view.addAction(w.problems_dock.toggleViewAction())
    w.problems_dock.toggleViewAction().setShortcut(QKeySequence("F8"))
    theme = view.addMenu("&Theme")
    for mode in ("system", "light", "dark"):
        act(theme, f"theme_{mode}", mode.capitalize(), lambda m=mode: _set_theme(w, m))
    help_ = bar.addMenu("&Help")
    act(
        help_,
        "shortcuts",
        "&Keyboard shortcuts",
        lambda: _show_shortcuts(w, actions),
        "F1",
        "Every command that has a key, and its key",
    )
    act(help_, "about", "&About", lambda: about_dialog.show_about(w), tip="Version and store")
    toolbar = w.addToolBar("Main")
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for name in ("undo", "redo", "new_campaign", "add_engagement", "publish", "preview"):
        toolbar.addAction(actions[name])
    w.actions_by_name = actions
    connect_stack(w)
    return actions


def connect_stack(w) -> None:  # noqa: ANN001
    """Follow the (new) store's undo stack; Delete acts only where the tree has focus."""
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


def _set_theme(w, mode: str) -> None:  # noqa: ANN001
    QSettings().setValue("view/theme", mode)
    apply_palette(QApplication.instance(), mode)
    recolour(w)  # icons are drawn in the theme's text colour
    w.tree.reload()

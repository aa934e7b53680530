"""Entry-point rules edited in place; each condition's web support (the globe) and meaning."""

from __future__ import annotations

from sqlalchemy import select

from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.libraries import EntryPoint
from designer.views.libraries.condition_help import DESCRIPTIONS, web_supported
from designer.views.libraries.rule_editors import ConditionsEditor, UrlRulesEditor
from tests.gui.app_driver import answering, pick, type_into


def test_a_rule_is_changed_in_place_and_keeps_its_other_keys(qtbot):
    editor = UrlRulesEditor()
    qtbot.addWidget(editor)
    rules = [
        {"match": "contains", "value": "/cart", "exclude": False, "fragment": True},
        {"match": "equals", "value": "/", "exclude": False},
    ]
    editor.set_rules(rules, [])
    editor.list.setCurrentRow(0)
    assert editor.value.text() == "/cart" and editor.match.currentData() == "contains"
    assert editor.update.isEnabled()
    pick(editor.match, "starts_with")
    with qtbot.waitSignal(editor.edited) as sent:
        type_into(editor.value, "/basket")  # Enter updates the selected rule
    new_rules, sections = sent.args
    assert new_rules[0] == {
        "match": "starts_with",
        "value": "/basket",
        "exclude": False,
        "fragment": True,
    }
    assert new_rules[1] == rules[1] and len(new_rules) == 2 and sections == []


def test_an_invalid_pattern_is_refused_on_update(qtbot):
    editor = UrlRulesEditor()
    qtbot.addWidget(editor)
    editor.set_rules([{"match": "regex", "value": "^/a", "exclude": False}], [])
    editor.list.setCurrentRow(0)
    with qtbot.assertNotEmitted(editor.edited):
        type_into(editor.value, "(unclosed")
    assert editor.problem.text()


def test_editing_a_rule_in_the_library_saves_it(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        cart = s.scalar(select(EntryPoint).where(EntryPoint.name == "Cart"))
        cart_id, before = cart.id, list(cart.rules)
    window.go_to("entry_point")
    library = window.libraries["entry_point"]
    library.select(cart_id)
    library.rules.list.setCurrentRow(0)
    with answering("Change it"):
        type_into(library.rules.value, "/basket")
    with window.store.read() as s:
        rules = s.get(EntryPoint, cart_id).rules
    assert rules[0]["value"] == "/basket" and len(rules) == len(before)
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        assert s.get(EntryPoint, cart_id).rules == before


def test_every_condition_says_if_the_web_tag_supports_it_and_what_it_means(qtbot):
    for types in (AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS):
        editor = ConditionsEditor(types)
        qtbot.addWidget(editor)
        for i in range(editor.kind.count()):
            kind = editor.kind.itemData(i)
            assert DESCRIPTIONS[kind]
            assert not editor.kind.itemIcon(i).isNull()
            editor.kind.setCurrentIndex(i)
            supported = kind in web_supported()
            assert editor.kind_help.text().startswith("Supported" if supported else "Not supported")
            assert DESCRIPTIONS[kind] in editor.kind_help.text()
        editor.set_conditions("all", [{"type": next(iter(types))}])
        assert editor.list.item(0).toolTip().startswith("Supported")


def test_support_is_read_from_the_runtime(qtbot):
    supported = web_supported()
    assert {"exit_intent", "scroll_depth", "platform", "geo"} <= supported
    assert "telepathy" not in supported
    assert supported <= set(AUDIENCE_CONDITIONS) | set(BEHAVIOR_CONDITIONS)

"""The entry point's URL rule editor offers the #fragment option, and the bundle carries it."""

from __future__ import annotations

from designer.bundle.manifest import schema_problems
from designer.views.libraries.rule_editors import UrlRulesEditor


def test_a_rule_made_with_the_fragment_box_ticked_matches_the_fragment(qtbot) -> None:
    editor = UrlRulesEditor()
    qtbot.addWidget(editor)
    editor.match.setCurrentIndex(editor.match.findData("contains"))
    editor.value.setText("/checkout")
    editor.fragment.setChecked(True)
    with qtbot.waitSignal(editor.edited) as edited:
        editor.add.click()
    rules, _sections = edited.args
    assert rules == [
        {"match": "contains", "value": "/checkout", "exclude": False, "fragment": True}
    ]
    editor.set_rules(rules, [])
    assert editor.list.item(0).text() == "URL contains /checkout (with #fragment)"
    editor.fragment.setChecked(False)
    editor.value.setText("/cart")
    with qtbot.waitSignal(editor.edited) as edited:
        editor.add.click()
    assert "fragment" not in edited.args[0][-1]  # off: the rule as every rule before it


def test_the_manifest_schema_takes_the_fragment_option(store) -> None:
    import json

    from designer.bundle.build import build_bundle

    files = build_bundle(store).files
    manifest = json.loads(
        next(v for k, v in files.items() if k.startswith("engagements.") and k.endswith(".json"))
    )
    manifest["entry_points"][0]["rules"][0]["fragment"] = True
    assert schema_problems(manifest) == []
    manifest["entry_points"][0]["rules"][0]["fragment"] = "yes"
    assert schema_problems(manifest) != []

"""The domain and the campaign store. Pure Python: never imports Qt.

The mapped classes are imported on first use (`from designer.models import Campaign`),
not with the package: a module such as `designer.models.formats` or `errors` must not
bring SQLAlchemy's ORM along, or the app's first window would wait for it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Each name, and the module that declares it.
_HOMES = {
    "AccountSettings": "account",
    "Holiday": "account",
    "Skill": "account",
    "WorkingShift": "account",
    "Asset": "assets",
    "Base": "base",
    "Campaign": "campaign",
    "CampaignVersion": "campaign",
    "Change": "changes",
    "WIZARD_STAGES": "engagement",
    "Engagement": "engagement",
    "Behavior": "libraries",
    "EntryPoint": "libraries",
    "TargetAudience": "libraries",
    "LibraryWindow": "window_library",
}
# Every module that maps a table: relationships name their classes as strings, so all are
# imported together before any is used.
MAPPED = tuple(dict.fromkeys(_HOMES.values()))

__all__ = sorted(_HOMES)


def import_mapped() -> None:
    """Import every mapped class (SQLAlchemy's ORM with them)."""
    for name in MAPPED:
        import_module(f"designer.models.{name}")


def __getattr__(name: str) -> Any:  # noqa: ANN401 - a mapped class or a constant
    if name not in _HOMES:
        raise AttributeError(f"module 'designer.models' has no attribute {name!r}")
    import_mapped()
    return getattr(import_module(f"designer.models.{_HOMES[name]}"), name)

"""Where a store keeps its forecast model: a JSON document among the store's assets.

Qt-free. The store's schema has no place made for it, and only a migration
could make one, so the model is kept as one asset row (name
"forecast-model.json", type application/json): replaced whole on each save,
in one transaction, never exported (bundles take only the images designs use).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select

from designer.models.assets import Asset, add_asset
from designer.models.forecast_model import ModelError, checked_model
from designer.models.store import Store

MODEL_ASSET = "forecast-model.json"
MODEL_MIME = "application/json"


def _where():  # noqa: ANN202 - a SQLAlchemy clause
    return (Asset.name == MODEL_ASSET) & (Asset.mime == MODEL_MIME)


def load_model(store: Store) -> dict[str, Any]:
    """The store's forecast model, or the sample site's defaults when it has none.

    A model that cannot be read any more (damaged, or from a newer app) gives
    the defaults too: the forecast still runs, and the next save replaces it.
    """
    with store.read() as s:
        row = s.scalars(select(Asset).where(_where()).order_by(Asset.updated_at.desc())).first()
        data = row.data if row is not None else None
    if data is None:
        return checked_model(None)
    try:
        return checked_model(json.loads(data.decode("utf-8")))
    except (ValueError, ModelError):
        return checked_model(None)


def save_model(store: Store, model: dict[str, Any]) -> dict[str, Any]:
    """Check and save the model; ModelError (nothing saved) says what is wrong."""
    checked = checked_model(model)
    data = json.dumps(checked, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with store.edit() as s:
        s.execute(delete(Asset).where(_where()))
        s.flush()
        add_asset(s, MODEL_ASSET, MODEL_MIME, data)
    return checked

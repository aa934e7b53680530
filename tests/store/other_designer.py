"""Another designer on another computer: a separate process editing the same store.

python -m tests.store.other_designer STORE ACTION ARGS… with ENGAGEMENT_DESIGNER_USER set
to the designer's name. Actions: rename TABLE ID NAME; describe ID TEXT (a campaign's
description); move ENGAGEMENT_ID STATE ELEMENT_ID X Y (a studio element); move-many … TIMES (x counting
up from X); rename-many TABLE ID
NAME COUNT SECONDS (COUNT renames, one each SECONDS). Prints "done" when committed.
"""

from __future__ import annotations

import sys
import time

from designer.models import Base, Campaign, Engagement
from designer.models.design import StateDesigns
from designer.models.store import Store


def _model(table: str) -> type:
    return next(m.class_ for m in Base.registry.mappers if m.class_.__tablename__ == table)


def _move(store: Store, engagement_id: int, state: str, element_id: str, x: int, y: int) -> None:
    """What the studio saves for a move: the whole designs, read and written under a row lock."""
    with store.edit() as s:
        row = s.get(Engagement, engagement_id, with_for_update=True)
        designs = StateDesigns.from_dict(row.designs)
        element = next(e for e in getattr(designs, state).elements if e.id == element_id)
        element.props.update(x=x, y=y)
        row.set_state_designs(designs)


def main(argv: list[str]) -> None:
    store = Store.open(argv[0])
    action, args = argv[1], argv[2:]
    if action == "rename":
        with store.edit() as s:
            s.get(_model(args[0]), int(args[1])).name = args[2]
    elif action == "rename-many":
        for n in range(int(args[3])):
            with store.edit() as s:
                s.get(_model(args[0]), int(args[1])).name = f"{args[2]} {n}"
            print(f"renamed {n} {time.time():.6f}", flush=True)
            time.sleep(float(args[4]))
    elif action == "describe":
        with store.edit() as s:
            s.get(Campaign, int(args[0])).description = args[1]
    elif action in ("move", "move-many"):
        engagement_id, state, element_id, x, y = args[:5]
        times = int(args[5]) if action == "move-many" else 1
        for n in range(times):
            _move(store, int(engagement_id), state, element_id, int(x) + n, int(y))
    else:
        raise SystemExit(f"unknown action {action}")
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Qt widgets of the app. See designer.none_refcount for why None is kept alive here."""

from designer.none_refcount import keep_none_alive

keep_none_alive()

"""The preview: QtWebEngine host pages. See designer.none_refcount for the None guard."""

from designer.none_refcount import keep_none_alive

keep_none_alive()

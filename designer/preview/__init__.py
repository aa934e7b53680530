"""The preview: QtWebEngine host pages, viewport profiles and the visitor simulator."""

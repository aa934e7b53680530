"""Engagement Designer: draft web messaging campaigns offline and export engagement bundles."""

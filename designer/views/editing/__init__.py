"""The edit session and its undoable commands."""

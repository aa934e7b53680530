"""Which store the window shows: files, team stores, the lock, others' changes."""

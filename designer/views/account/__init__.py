"""Account settings: skills, shifts, holidays."""

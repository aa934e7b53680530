"""Campaigns: the tree and the campaign page (audience, time frame, control group)."""

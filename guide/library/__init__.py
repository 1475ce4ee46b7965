"""Where things live: the flow and deck folders, and the person's settings."""

"""Check-ins asked and answered: what both faces and the `check-in` command share."""

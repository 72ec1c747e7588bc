"""Alerts for the public check: people who asked to be told when a newer list names them."""

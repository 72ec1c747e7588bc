"""Sending the outbox of the pre-departure module through a configurable backend."""

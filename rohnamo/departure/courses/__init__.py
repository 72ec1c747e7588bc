"""Orientation courses before departure: scheduling, enrolment, attendance, certificates that
anyone can verify, reports and the anonymiser. Models live in ``departure.models.courses``."""

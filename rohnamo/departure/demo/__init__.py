"""Demo data of the pre-departure module, one loader per part, registered in ``apps.py``."""

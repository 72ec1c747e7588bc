"""The acting request's address, available to services that write audit entries.

Services take the acting user as an argument; the network address is not theirs to know, so the
middleware leaves it here for ``audit.record`` to pick up.
"""

from contextvars import ContextVar

current_ip = ContextVar("current_ip", default=None)

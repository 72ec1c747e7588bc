from rohnamo.departure.models.lists import BanList, ListEntry, Lookup

__all__ = ["BanList", "ListEntry", "Lookup"]

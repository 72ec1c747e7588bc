"""Django forms of the statistics module, one file per part."""

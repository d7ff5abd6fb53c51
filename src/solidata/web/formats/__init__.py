"""Date and time formats, one per language (FORMAT_MODULE_PATH): Django's own differ between the
English and Mongolian pages and fall back to a US "p.m." clock for Mongolian. A new language adds
a folder here only if its dates should not look like the English ones."""

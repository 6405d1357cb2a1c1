"""Publishing: the Datasette site (configuration, metadata, plugins, templates in `datasette/`) and search syntax."""

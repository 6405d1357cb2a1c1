"""Reading: files and their bytes -> `Document` (identity, version, decoded text), or a one-line reason why not."""

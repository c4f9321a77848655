"""The office's widgets: merging two versions of a case, review comments, review actions."""

"""jixiao parsers: format readers feeding one document model, and the format-neutral field parsers."""

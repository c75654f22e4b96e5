"""Stage 4 of the pipeline: renderers (tables, terminal, reports, views, exports) read analysis results."""

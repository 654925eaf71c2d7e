"""What the build publishes besides HTML pages: the search index and the exports."""

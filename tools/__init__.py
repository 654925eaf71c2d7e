"""Tooling outside the runtime package ``retex``: the benchmark's corpus generator."""

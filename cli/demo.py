"""Placeholder: filled in by the spider work."""

COMMANDS: list = []

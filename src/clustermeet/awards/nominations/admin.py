"""Placeholder: filled in by the sub-package."""

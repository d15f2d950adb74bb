"""Nearer: a private companion for the closeness in a person's life."""

__version__ = "0.1.0"

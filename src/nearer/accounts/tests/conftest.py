"""The account tests' shared fixtures: a real SMTP server (tests/smtp.py)."""

from __future__ import annotations

from nearer.tests.smtp import smtp_refusing, smtp_server

__all__ = ["smtp_refusing", "smtp_server"]

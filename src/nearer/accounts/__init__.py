"""Accounts: sign up, log in and out, passwords, recovery and deletion."""

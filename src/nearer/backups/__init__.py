"""Backup, restore and move: the operator's copies of a whole Nearer.

``tables`` reads and writes every table's rows in a form any database takes;
``archive`` is the backup file (rows, and the secrets sealed under a passphrase);
``operations`` are the three commands (``nearer backup``, ``restore``, ``move``).
See docs/operations.md ("Backups", "Moving to PostgreSQL").
"""

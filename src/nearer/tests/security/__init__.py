"""The security tests of the vault design, one module each (see docs/security.md)."""

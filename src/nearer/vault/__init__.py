"""The vault: per-user data keys, sealing and opening of everything a person writes."""

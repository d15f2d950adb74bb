"""Small helpers that import no Nearer app."""

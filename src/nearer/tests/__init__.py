"""Cross-app tests: security properties and real-browser journeys."""

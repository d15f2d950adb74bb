"""Today: the home page, the base layout's navigation, and shared error pages."""

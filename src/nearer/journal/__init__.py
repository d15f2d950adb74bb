"""Journal: private reflections, guided prompts, search."""

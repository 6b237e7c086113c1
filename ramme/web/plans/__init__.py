"""Action plans (handleplaner), key indicators (pejlemærker) and review lists."""

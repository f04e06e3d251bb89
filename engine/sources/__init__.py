"""Public statistics as a starting point: the national files kept in data/public (public.py)."""

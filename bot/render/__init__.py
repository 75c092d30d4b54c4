"""Turning plain `Reply` data into what each transport shows."""

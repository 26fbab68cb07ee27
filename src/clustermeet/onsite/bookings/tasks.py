"""Background tasks of bookings (filled in below)."""

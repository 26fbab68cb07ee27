"""The back office of bookings."""

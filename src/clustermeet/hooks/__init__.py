"""Signed webhooks: organisers' endpoints per event, the catalogue of event types, deliveries
after commit with retries, and the delivery log. Low in the import order (it imports `events`
and `people.models` only), so every app's services may call `hooks.services.emit`."""

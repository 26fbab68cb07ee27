"""The public REST API v1 (issue 15): django-ninja under /api/v1/, personal and service tokens,
cursor pagination, ETags, rate limits and JSON errors. Every rule it applies is the pages' own
function (events.queries, programme.queries, the apps' permissions modules)."""

from django import template

from clustermeet.onsite.queries import nav_facts

register = template.Library()


@register.simple_tag(takes_context=True)
def onsite_nav(context, event):
    """What the event's navigation shows of the on-site day to the person reading the page."""
    request = context.get("request")
    return nav_facts(getattr(request, "user", None), event)

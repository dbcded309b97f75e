from django import template

from api.auth import token_for

register = template.Library()


@register.simple_tag
def api_token_of(user):
    """The user's API token key, or "" (none yet, or not logged in). Never creates one."""
    if not getattr(user, "is_authenticated", False):
        return ""
    token = token_for(user)
    return token.key if token else ""

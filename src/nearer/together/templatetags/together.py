"""``{% share_with_partner "entry" entry.id %}``: the share form on an item's own page.

Shown only when the person is in an open space; says whether the item is shared
and offers to share or unshare it. Reads only (the form posts to Together).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django import template
from django.middleware.csrf import get_token

from nearer.accounts.models import User
from nearer.lib.html import EMPTY, Markup, html
from nearer.lib.urls import url_for
from nearer.together.selectors import partner_name
from nearer.together.sharing import copy_of_item
from nearer.together.space import space_open, space_pair_id

register = template.Library()


@register.simple_tag(takes_context=True)
def share_with_partner(context: dict[str, Any], kind: str, item_id: UUID) -> Markup:
    request = context.get("request")
    user = getattr(request, "user", None)
    vault = getattr(request, "vault", None)
    if request is None or not isinstance(user, User) or vault is None:
        return EMPTY
    if space_pair_id(user=user) is None:
        return EMPTY  # the common case: no pair, no key opened
    space = space_open(user=user, vault=vault)
    if space is None:
        return EMPTY
    name = partner_name(space=space)
    token = get_token(request)
    back = request.get_full_path()
    shared = copy_of_item(user=user, space=space, kind=kind, item_id=item_id)
    if shared is not None:
        return html(
            '<form method="post" action="{}" class="share-with-partner">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
            '<input type="hidden" name="next" value="{}">'
            "<p>Shared with {}. </p>"
            '<button type="submit" class="button-quiet">Unshare</button></form>',
            url_for("together:unshare", shared),
            token,
            back,
            name,
        )
    return html(
        '<form method="post" action="{}" class="share-with-partner">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="next" value="{}">'
        '<input type="hidden" name="kind" value="{}">'
        '<input type="hidden" name="item" value="{}">'
        '<button type="submit" class="button-quiet">Share with {}</button></form>',
        url_for("together:share"),
        token,
        back,
        kind,
        item_id,
        name,
    )

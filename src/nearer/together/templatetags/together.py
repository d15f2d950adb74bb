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
from nearer.together.names import member_name_open
from nearer.together.sharing import copy_of_item
from nearer.together.space import pair_key_open, space_of

register = template.Library()


@register.simple_tag(takes_context=True)
def share_with_partner(context: dict[str, Any], kind: str, item_id: UUID) -> Markup:
    request = context.get("request")
    user = getattr(request, "user", None)
    vault = getattr(request, "vault", None)
    if request is None or not isinstance(user, User) or vault is None:
        return EMPTY
    # One read of both members' rows (none for someone in no pair, and then no key is
    # opened): the partner's shown name comes from it too, not from two more queries.
    opened = pair_key_open(user=user, vault=vault)
    if opened is None:
        return EMPTY
    space = space_of(opened)
    name = member_name_open(space.box, space.partner_id, opened.partner.shown_name)
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

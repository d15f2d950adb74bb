"""Pages for drawing a card: the filter, one card, favourites, hidden cards, settings.

Thin views over selectors and services. A draw is a POST that records the card
and redirects to the card's own address, so a reload shows the same card and a
GET never writes. The filter travels in the query (GET) or as hidden fields
(POST) and is validated each time; a bad value is the form's message.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nearer.accounts.current import current_user, current_vault
from nearer.decks import selectors, services
from nearer.decks.catalogue import DEPTH_LABELS, OPT_IN_THEMES, THEME_LABELS, Card
from nearer.decks.deck import RECENT_LIMIT
from nearer.decks.forms import DeckSettingsForm, DrawFilterForm
from nearer.decks.state import DeckContent
from nearer.lib.urls import url_for

# The buttons under a card, each a POST to /cards/<id>/<action>/.
CARD_ACTIONS = ("favourite", "unfavourite", "hide", "restore")
# Where a card's buttons send the person back to.
BACK_PAGES = {"favourites": "decks:favourites", "hidden": "decks:hidden"}


def _filter(data: QueryDict, state: DeckContent) -> DrawFilterForm:
    # Only the filter's own fields: a POST's token or "back" is not part of it.
    values = {key: data[key] for key in ("theme", "depth") if key in data}
    return DrawFilterForm(values, opt_ins=state.opt_ins)


def _query(form: DrawFilterForm) -> str:
    """The filter as a query string ("?theme=…"), empty when any or invalid."""
    values = form.query() if form.is_valid() else {}
    return "?" + urlencode(values) if values else ""


def _shown_card(card_id: str, state: DeckContent) -> Card:
    card = selectors.card_get(card_id)
    if card is None or not selectors.card_visible(card, state):
        raise Http404("No such card.")
    return card


def _index_context(form: DrawFilterForm, state: DeckContent) -> dict[str, object]:
    pool = None
    if form.is_valid():
        theme, depth = form.chosen()
        pool = selectors.pool_size(state, theme=theme, depth=depth)
    return {
        "form": form,
        "pool": pool,
        "few": pool is not None and 0 < pool <= RECENT_LIMIT,
        "recent_limit": RECENT_LIMIT,
        "hidden_count": len(state.hidden),
        "opt_in_off": not state.opt_ins,
    }


@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Choose a theme and depth, and draw."""
    state = selectors.deck_state_for(user=current_user(request), vault=current_vault(request))
    form = _filter(request.GET, state)
    return render(request, "decks/index.html", _index_context(form, state))


@login_required
@require_POST
def draw(request: HttpRequest) -> HttpResponse:
    """Draw a card for the posted filter, remember it, and show it at its own address."""
    user, vault = current_user(request), current_vault(request)
    # Every theme is accepted here; whether an opt-in one is turned on is checked by
    # the service against the state it locks (one read of the state, not two).
    form = _filter(request.POST, DeckContent(opt_ins=tuple(OPT_IN_THEMES)))
    if form.is_valid():
        theme, depth = form.chosen()
        try:
            pick = services.card_draw(user=user, vault=vault, theme=theme, depth=depth)
        except services.ThemeOff:
            pass  # the form below says so, as the draw page does
        else:
            if pick is None:
                messages.info(
                    request, "No cards fit that choice just now. Try another theme or depth."
                )
                return redirect(url_for("decks:index") + _query(form))
            return redirect(url_for("decks:card", pick.card.id) + _query(form))
    state = selectors.deck_state_for(user=user, vault=vault)
    form = _filter(request.POST, state)
    return render(request, "decks/index.html", _index_context(form, state), status=400)


@login_required
@require_safe
def card(request: HttpRequest, card_id: str) -> HttpResponse:
    """One card in large type, with Another card, Favourite and Not for me."""
    state = selectors.deck_state_for(user=current_user(request), vault=current_vault(request))
    shown = _shown_card(card_id, state)
    # A filter that does not validate (edited by hand) is dropped: the card still shows.
    form = _filter(request.GET, state)
    valid = form.is_valid()
    theme, depth = form.chosen() if valid else (None, None)
    chosen = form.query() if valid else {}
    undo = request.GET.get("undo", "")
    undo_card = selectors.card_get(undo) if undo in state.hidden else None
    pool = selectors.pool_size(state, theme=theme, depth=depth)
    return render(
        request,
        "decks/card.html",
        {
            "card": shown,
            "theme_label": THEME_LABELS.get(shown.theme, ""),
            "depth_label": DEPTH_LABELS.get(shown.depth, ""),
            "is_favourite": shown.id in state.favourites,
            "is_hidden": shown.id in state.hidden,
            "filter": chosen,
            "choose_url": url_for("decks:index") + ("?" + urlencode(chosen) if chosen else ""),
            "few": 0 < pool <= RECENT_LIMIT,
            "undo_card": undo_card,
            "undo_url": url_for("decks:restore", undo_card.id) if undo_card else "",
            # Worked out here (reverses cached) rather than by a {% url %} per button.
            "urls": {
                "draw": url_for("decks:draw"),
                **{action: url_for(f"decks:{action}", shown.id) for action in CARD_ACTIONS},
            },
        },
    )


def _back(request: HttpRequest, card_id: str, state: DeckContent) -> HttpResponseRedirect:
    """Back to where a card's button was pressed: a list, or the card with its filter."""
    page = BACK_PAGES.get(request.POST.get("back", ""))
    if page is not None:
        return redirect(url_for(page))
    return redirect(url_for("decks:card", card_id) + _query(_filter(request.POST, state)))


def _mark(request: HttpRequest, card_id: str, *, favourite: bool) -> HttpResponse:
    user, vault = current_user(request), current_vault(request)
    state = selectors.deck_state_for(user=user, vault=vault)
    shown = _shown_card(card_id, state)
    state = services.card_favourite(user=user, vault=vault, card_id=shown.id, on=favourite)
    return _back(request, shown.id, state)


@login_required
@require_POST
def favourite(request: HttpRequest, card_id: str) -> HttpResponse:
    """Keep the card among the favourites."""
    return _mark(request, card_id, favourite=True)


@login_required
@require_POST
def unfavourite(request: HttpRequest, card_id: str) -> HttpResponse:
    """Take the card out of the favourites."""
    return _mark(request, card_id, favourite=False)


@login_required
@require_POST
def hide(request: HttpRequest, card_id: str) -> HttpResponse:
    """ "Not for me": hide the card from every draw and show another, with an undo."""
    user, vault = current_user(request), current_vault(request)
    state = selectors.deck_state_for(user=user, vault=vault)
    shown = _shown_card(card_id, state)
    state = services.card_hide(user=user, vault=vault, card_id=shown.id, on=True)
    form = _filter(request.POST, state)
    theme, depth = form.chosen() if form.is_valid() else (None, None)
    values = form.query() if form.is_valid() else {}
    pick = services.card_draw(user=user, vault=vault, theme=theme, depth=depth)
    query = "?" + urlencode({**values, "undo": shown.id})
    if pick is None:
        return redirect(url_for("decks:index") + query)
    return redirect(url_for("decks:card", pick.card.id) + query)


@login_required
@require_POST
def restore(request: HttpRequest, card_id: str) -> HttpResponse:
    """Bring a hidden card back into the draws."""
    user, vault = current_user(request), current_vault(request)
    state = selectors.deck_state_for(user=user, vault=vault)
    shown = _shown_card(card_id, state)
    state = services.card_hide(user=user, vault=vault, card_id=shown.id, on=False)
    messages.success(request, "That card is back in your draws.")
    return _back(request, shown.id, state)


@login_required
@require_safe
def favourites(request: HttpRequest) -> HttpResponse:
    """The cards kept as favourites, newest first."""
    cards = selectors.favourite_cards(user=current_user(request), vault=current_vault(request))
    return render(request, "decks/favourites.html", {"cards": _listed(cards)})


@login_required
@require_safe
def hidden(request: HttpRequest) -> HttpResponse:
    """The cards marked "Not for me", each with a button to bring it back."""
    cards = selectors.hidden_cards(user=current_user(request), vault=current_vault(request))
    return render(request, "decks/hidden.html", {"cards": _listed(cards)})


def _listed(cards: list[Card]) -> list[dict[str, object]]:
    return [
        {
            "card": card,
            "theme_label": THEME_LABELS.get(card.theme, ""),
            "depth_label": DEPTH_LABELS.get(card.depth, ""),
        }
        for card in cards
    ]


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Which opt-in decks are drawn from (all off until the person turns one on)."""
    user, vault = current_user(request), current_vault(request)
    if request.method == "POST":
        form = DeckSettingsForm(request.POST)
        if form.is_valid():
            services.deck_opt_ins_set(user=user, vault=vault, themes=form.themes())
            messages.success(request, "Saved.")
            return redirect(url_for("decks:index"))
    else:
        state = selectors.deck_state_for(user=user, vault=vault)
        form = DeckSettingsForm(initial={theme: True for theme in state.opt_ins})
    return render(request, "decks/settings.html", {"form": form})

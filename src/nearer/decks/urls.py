from __future__ import annotations

from django.urls import path, register_converter

from nearer.decks import session_views, views
from nearer.decks.converters import CardIdConverter

app_name = "decks"

register_converter(CardIdConverter, "card_id")

# Drawing a card, favourites and "not for me". The fixed words come before the
# card ids so that they can never be read as one.
urlpatterns: list[object] = [
    path("", views.index, name="index"),
    path("draw/", views.draw, name="draw"),
    path("favourites/", views.favourites, name="favourites"),
    path("hidden/", views.hidden, name="hidden"),
    path("settings/", views.settings_page, name="settings"),
    path("<card_id:card_id>/", views.card, name="card"),
    path("<card_id:card_id>/favourite/", views.favourite, name="favourite"),
    path("<card_id:card_id>/unfavourite/", views.unfavourite, name="unfavourite"),
    path("<card_id:card_id>/hide/", views.hide, name="hide"),
    path("<card_id:card_id>/restore/", views.restore, name="restore"),
]

# Sessions with one person: their routes below. --- sessions block ---
# Put first: "sessions/" would otherwise be read as a card id (it is a reserved one).
urlpatterns[:0] = [
    path("sessions/", session_views.session_index, name="sessions"),
    path("sessions/new/", session_views.session_new, name="session_new"),
    path("sessions/<uuid:session_id>/", session_views.session_page, name="session"),
    path("sessions/<uuid:session_id>/step/", session_views.session_step, name="session_step"),
    path("sessions/<uuid:session_id>/log/", session_views.session_log, name="session_log"),
]
# --- end of sessions block ---

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from nearer.rituals import views

app_name = "rituals"

urlpatterns: list[URLPattern | URLResolver] = [
    path("question/", views.question, name="question"),
    path("question/answer/", views.question_answer, name="question_answer"),
    path("question/react/", views.question_react, name="question_react"),
    path("question/earlier/", views.question_history, name="question_history"),
    path("check-in/", views.checkin, name="checkin"),
    path("check-in/day/", views.checkin_day, name="checkin_day"),
    path("check-in/prepare/", views.checkin_prepare, name="checkin_prepare"),
    path("check-in/together/", views.checkin_together, name="checkin_together"),
    path("check-in/earlier/", views.checkin_past, name="checkin_history"),
    path("check-in/<uuid:week_id>/", views.checkin_week, name="checkin_week"),
    path("moments/", views.shared_moments, name="moments"),
    path("cards/", views.decks, name="decks"),
    path("cards/start/", views.decks_start, name="decks_start"),
    path("cards/<uuid:session_id>/", views.deck, name="deck"),
    path("cards/<uuid:session_id>/step/", views.deck_step, name="deck_step"),
]

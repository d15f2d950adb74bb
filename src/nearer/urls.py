from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from nearer.accounts.security_views import privacy, security_txt_view
from nearer.lib import converters
from nearer.scales.views import help_now

# Before the apps' URLconfs are included: they use <year:…>, <month:…>, <day:…>.
converters.register()

# The admin logs in through Nearer's own login, which also unlocks the vault.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = "Nearer administration"

urlpatterns = [
    path("", include("nearer.today.urls")),
    path("accounts/", include("nearer.accounts.urls")),
    path("journal/", include("nearer.journal.urls")),
    path("people/", include("nearer.people.urls")),
    path("moments/", include("nearer.moments.urls")),
    path("checkins/", include("nearer.checkins.urls")),
    path("scales/", include("nearer.scales.urls")),
    path("opening-up/", include("nearer.opening.urls")),
    path("cards/", include("nearer.decks.urls")),
    path("together/", include("nearer.together.urls")),
    path("together/rituals/", include("nearer.rituals.urls")),
    path("insights/", include("nearer.insights.urls")),
    path("review/", include("nearer.review.urls")),
    path("your-data/", include("nearer.portability.urls")),
    path("reminders/", include("nearer.reminders.urls")),
    path("help/", help_now, name="help"),
    path("privacy/", privacy, name="privacy"),
    path(".well-known/security.txt", security_txt_view, name="security_txt"),
    # The manifest, the service worker (at the root: its scope is the whole site),
    # the offline page and robots.txt.
    path("", include("nearer.pwa.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "nearer.today.views.bad_request"
handler403 = "nearer.today.views.permission_denied"
handler404 = "nearer.today.views.page_not_found"
handler500 = "nearer.today.views.server_error"

from django.urls import path, re_path

from opendata import views
from opendata.feeds import ChangesFeed

app_name = "opendata"

urlpatterns = [
    path("", views.data_page, name="data"),
    path("api/", views.api_reference_page, name="api-reference"),
    path("events.ics", views.events_calendar, name="events-calendar"),
    path("events/<slug:slug>.ics", views.event_calendar, name="event-calendar"),
    path("changes.atom", ChangesFeed(), name="changes"),
    re_path(r"^(?P<slug>[a-z-]+)\.(?P<extension>csv|json)$", views.download, name="download"),
]

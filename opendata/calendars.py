"""Events as iCalendar, made with the icalendar library: an event needs known dates to be in a calendar."""

from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODUCT_ID = "-//Invest Seoul//AI portal//EN"


def calendar_of(events, request):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("AI events in Seoul"))
    for event in events:
        if event.start_date and event.end_date:
            calendar.add_component(calendar_event(event, request))
    return calendar.to_ical()


def calendar_event(event, request):
    item = CalendarEvent()
    item.add("uid", f"event-{event.slug}@ai.investseoul")
    item.add("summary", event.name)
    item.add("dtstart", event.start_date)
    item.add("dtend", event.end_date + timedelta(days=1))  # an all-day end is the day after the last
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    item.add("description", event.summary)
    item.add("location", event.venue or _("Seoul"))
    item.add("url", request.build_absolute_uri(event.get_absolute_url()))
    return item

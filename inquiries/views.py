from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from inquiries.forms import InquiryForm, initial_from_link
from inquiries.policy import policy_context
from inquiries.services import RateLimitExceeded, inquiry_submit

THANKS_TOKEN_SALT = "inquiries.thanks"
THANKS_TOKEN_MAX_AGE = 7 * 24 * 60 * 60


def client_ip(request):
    """The visitor's address; behind the portal's own reverse proxy, the one that proxy appended."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


def contact(request):
    if request.method != "POST":
        return _contact_page(request, InquiryForm(initial=initial_from_link(request.GET)))

    form = InquiryForm(request.POST)
    if not form.is_valid():
        if form.sent_by_bot:  # answer as if it worked, so the bot learns nothing; nothing is stored
            return render(request, "inquiries/thanks.html", policy_context())
        return _contact_page(request, form)
    try:
        inquiry = inquiry_submit(
            data=form.inquiry_data(),
            language=get_language(),
            client_ip=client_ip(request),
            privacy_consent=form.cleaned_data["privacy_consent"],
            news_consent=form.cleaned_data["news_consent"],
            submission_token=form.submission_token,
            possibly_automated=form.possibly_automated,
        )
    except RateLimitExceeded:
        form.add_error(
            None,
            _(
                "We have received several inquiries from your network in the last hour. Please try again "
                "later, or write to us at %(email)s."
            )
            % {"email": settings.PORTAL_INQUIRY_NOTIFY_EMAIL},
        )
        return _contact_page(request, form, status=429)
    return redirect("inquiries:thanks", token=signing.dumps(inquiry.reference, salt=THANKS_TOKEN_SALT))


def _contact_page(request, form, status=200):
    return render(request, "inquiries/contact.html", {"form": form, **policy_context()}, status=status)


def thanks(request, token):
    """The reference travels signed in the address, so the page needs no session and reveals no sequence."""
    try:
        reference = signing.loads(token, salt=THANKS_TOKEN_SALT, max_age=THANKS_TOKEN_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    return render(request, "inquiries/thanks.html", {"reference": reference, **policy_context()})


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a styled page in the visitor's language instead of Django's stock English one.

    On the inquiry form (usually an expired or blocked cookie) it shows the form again with everything the
    investor typed, minus the tokens, and asks them to send it again; the new page carries a valid token.
    Nothing is stored.
    """
    match = request.resolver_match
    if request.method == "POST" and match is not None and match.view_name == "inquiries:contact":
        posted = InquiryForm(request.POST)
        typed = {name: posted[name].data for name in posted.fields if name != "website"}
        context = {"form": InquiryForm(initial=typed), "csrf_failed": True, **policy_context()}
        return render(request, "inquiries/contact.html", context, status=403)
    return render(request, "403_csrf.html", status=403)


def privacy(request):
    return render(request, "inquiries/privacy.html", policy_context())

"""The two emails an inquiry causes, rendered from templates/emails/inquiry_*-{subject,body}.{txt,html}.

Staff read the notification in Korean, the portal's source language; the investor reads the
acknowledgement in the language they wrote in.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from incentives.models import ContactPoint
from inquiries.models import OutboundEmail
from inquiries.policy import policy_context


def build_message(outbound: OutboundEmail) -> EmailMultiAlternatives:
    inquiry = outbound.inquiry
    if outbound.kind == OutboundEmail.Kind.STAFF_NOTIFICATION:
        template, language, reply_to = "inquiry_notification", settings.LANGUAGE_CODE, inquiry.email
    else:
        template, language = "inquiry_acknowledgement", inquiry.language
        reply_to = settings.PORTAL_INQUIRY_NOTIFY_EMAIL
    with translation.override(language):
        context = {
            "inquiry": inquiry,
            "contact": ContactPoint.objects.filter(is_primary=True).first(),
            **policy_context(),
            "admin_url": settings.SITE_URL + reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]),
        }
        subject = render_to_string(f"emails/{template}-subject.txt", context)
        text = render_to_string(f"emails/{template}-body.txt", context)
        html = render_to_string(f"emails/{template}-body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[outbound.to],
        reply_to=[reply_to],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    return message

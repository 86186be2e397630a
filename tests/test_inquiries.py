"""Investor inquiries: stored first, emailed once (even when SMTP is down), handled and purged by staff."""

import csv
import hashlib
import io
import re
import signal
import smtplib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import path, reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from content.staff import CONTENT_EDITORS
from incentives.models import ContactPoint, Incentive
from inquiries import models, services
from inquiries.emails import build_message
from inquiries.forms import FILL_TOKEN_SALT, new_fill_token
from inquiries.models import (
    INQUIRY_HANDLERS,
    Inquiry,
    InquiryAccessLog,
    InquiryNote,
    OutboundEmail,
    new_reference,
)
from inquiries.tasks import MAX_ATTEMPTS, EmailNotSent, send_inquiry_email
from tests import factories

CONTACT_URL = {"en": "/en/contact/", "ko": "/ko/contact/"}
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


class SMTPDownBackend(BaseEmailBackend):
    """What Django's SMTP backend raises when the mail server hangs up."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def form_data(**changes):
    """A complete, valid submission from a form opened a minute ago; a None value leaves the field out."""
    data = {
        "name": "Jane Park",
        "organisation": "Northwind Robotics",
        "country": "United States",
        "email": "jane@northwind.example",
        "phone": "+1 415 555 0100",
        "investor_type": "corporation",
        "topic": "rd-centre",
        "investment_size": "10m-50m",
        "timeline": "1-year",
        "message": "We plan to open an AI research centre in Seoul next year.",
        "privacy_consent": "on",
        "opened": new_fill_token(time.time() - 60),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def make_inquiry(**fields):
    now = timezone.now()
    values = {
        "language": "en",
        "name": "Jane Park",
        "organisation": "Northwind Robotics",
        "country": "United States",
        "email": "jane@northwind.example",
        "investor_type": Inquiry.InvestorType.CORPORATION,
        "topic": Inquiry.Topic.RD_CENTRE,
        "investment_size": Inquiry.InvestmentSize.FROM_10M_TO_50M,
        "timeline": Inquiry.Timeline.WITHIN_A_YEAR,
        "message": "We plan to open an AI research centre in Seoul next year.",
        "consent_version": settings.PORTAL_INQUIRY_CONSENT_VERSION,
        "privacy_consent_at": now,
        **fields,
    }
    return Inquiry.objects.create(**values)


def primary_contact():
    """The footer's contact point, as the seed content has it (it may already be loaded)."""
    return ContactPoint.objects.update_or_create(
        key="invest-seoul",
        defaults={
            "name_ko": "서울투자청",
            "name_en": "Invest Seoul",
            "address_ko": "서울시 종로구 종로 38",
            "address_en": "38 Jong-ro, Jongno-gu, Seoul",
            "phone": "02-6361-4120",
            "email": "investseoul@sba.seoul.kr",
            "is_primary": True,
        },
    )[0]


def run_worker():
    """Run every due task and stop, like `manage.py db_worker --batch`; then give pytest its signals back."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def deferred_tasks():
    return DBTaskResult.objects.filter(status="READY").exclude(pk__in=DBTaskResult.objects.ready())


def let_retry_delays_pass():
    deferred_tasks().update(run_after=timezone.now())


def widget_tag(html, field_name):
    match = re.search(rf'<(?:input|select|textarea)\b[^>]*\bid="id_{field_name}"[^>]*>', html)
    assert match, f"no widget for {field_name}"
    return match.group(0)


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


# --- The pages ---------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_form_and_the_privacy_notice_answer_in_both_languages_with_one_h1(client, language):
    for url in (CONTACT_URL[language], f"/{language}/contact/privacy/"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert response["Content-Language"] == language
        assert f'<html lang="{language}">' in html
        assert h1_count(html) == 1
        assert 'class="consent-notice"' in html  # the four items the privacy law names


@pytest.mark.django_db
def test_the_form_labels_every_field_and_hides_the_honeypot_from_people_and_screen_readers(client):
    html = client.get(CONTACT_URL["en"]).content.decode()

    for name in (
        "name",
        "organisation",
        "country",
        "email",
        "phone",
        "message",
        "privacy_consent",
        "website",
    ):
        assert f'for="id_{name}"' in html
    honeypot = widget_tag(html, "website")
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot
    assert re.search(r'<div class="inquiry-form__trap" aria-hidden="true">', html)
    assert "<script" not in html
    assert "style=" not in html


@pytest.mark.django_db
def test_the_privacy_notice_states_the_retention_period_and_the_right_to_refuse(client, settings):
    settings.PORTAL_INQUIRY_RETENTION_DAYS = 3 * 365

    html = client.get("/en/contact/privacy/").content.decode()

    assert "3 years from the day we receive your inquiry" in html
    assert "You may refuse to consent." in html


@pytest.mark.django_db
def test_a_link_from_an_incentive_or_a_company_preselects_the_topic(client):
    incentive = Incentive.objects.create(
        slug="test-rent-support",
        name_ko="임대료 지원",
        name_en="Rent support",
        summary="Summary",
        last_verified_on=timezone.localdate(),
        source=factories.source(),
    )
    factories.company("test-vision-ai", name_en="Test Vision AI")

    by_topic = client.get(CONTACT_URL["en"], {"topic": "seoul-office"}).content.decode()
    by_incentive = client.get(CONTACT_URL["en"], {"topic": incentive.slug}).content.decode()
    by_company = client.get(CONTACT_URL["en"], {"company": "test-vision-ai"}).content.decode()
    by_nonsense = client.get(CONTACT_URL["en"], {"topic": "<script>", "company": "nobody"}).content.decode()

    assert '<option value="seoul-office" selected>' in by_topic
    assert '<option value="incentives" selected>' in by_incentive
    assert 'value="Rent support"' in widget_tag(by_incentive, "regarding")
    assert '<option value="invest-or-acquire" selected>' in by_company
    assert 'value="Test Vision AI"' in widget_tag(by_company, "regarding")
    assert not re.search(r'<option value="[^"]+" selected>', by_nonsense)


# --- A valid inquiry: stored, then two emails through the real task queue ------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_valid_inquiry_is_stored_and_both_emails_go_out_through_the_worker(client, mailoutbox, language):
    primary_contact()

    response = client.post(CONTACT_URL[language], form_data(), REMOTE_ADDR="203.0.113.7")

    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert inquiry.language == language
    assert inquiry.status == Inquiry.Status.NEW
    assert inquiry.email == "jane@northwind.example"
    assert DBTaskResult.objects.ready().count() == 2  # queued on commit, nothing sent yet
    assert mailoutbox == []

    run_worker()

    assert all(email.sent_at and email.attempts == 1 for email in inquiry.emails.all())
    assert len(mailoutbox) == 2
    notification = next(message for message in mailoutbox if message.to == ["investseoul@sba.seoul.kr"])
    acknowledgement = next(message for message in mailoutbox if message.to == ["jane@northwind.example"])
    assert notification.reply_to == ["jane@northwind.example"]
    assert notification.extra_headers["Content-Language"] == "ko"  # staff read Korean
    assert "We plan to open an AI research centre" in notification.body
    assert f"/admin/inquiries/inquiry/{inquiry.pk}/change/" in notification.body

    assert acknowledgement.extra_headers["Content-Language"] == language
    assert inquiry.reference in acknowledgement.subject
    assert inquiry.reference in acknowledgement.body
    html_body, mimetype = acknowledgement.alternatives[0]
    assert mimetype == "text/html"
    assert f'<html lang="{language}">' in html_body
    assert "investseoul@sba.seoul.kr" in acknowledgement.body
    phone_as_written_for_the_reader = {"ko": "02-6361-4120", "en": "+82-2-6361-4120"}[language]
    assert phone_as_written_for_the_reader in acknowledgement.body
    assert "AI research centre" not in acknowledgement.body + html_body  # no free text to relay spam with


@pytest.mark.django_db(transaction=True)
def test_the_english_acknowledgement_promises_the_configured_response_time(client, mailoutbox, settings):
    settings.PORTAL_INQUIRY_RESPONSE_DAYS = 5

    client.post(CONTACT_URL["en"], form_data())
    run_worker()

    acknowledgement = next(message for message in mailoutbox if message.to == ["jane@northwind.example"])
    assert "within 5 working days" in acknowledgement.body
    assert "Dear Jane Park," in acknowledgement.body


@pytest.mark.django_db
def test_the_thanks_page_shows_the_reference_from_a_signed_link_not_a_sequence(client, settings):
    settings.PORTAL_INQUIRY_RESPONSE_DAYS = 3

    response = client.post(CONTACT_URL["en"], form_data(), follow=True)

    inquiry = Inquiry.objects.get()
    thanks_url = response.redirect_chain[-1][0]
    html = response.content.decode()
    assert re.fullmatch(r"IS-\d{4}-[A-Z2-9]{8}", inquiry.reference)
    assert f"/thanks/{inquiry.pk}/" not in thanks_url
    assert inquiry.reference in html
    assert "within 3 working days" in html
    assert h1_count(html) == 1
    assert client.get(thanks_url.replace(":", "x", 1)).status_code == 404
    forged = "/en/contact/thanks/" + signing.dumps("IS-2026-AAAAAAAA", salt="something else") + "/"
    assert client.get(forged).status_code == 404


@pytest.mark.django_db
def test_the_form_and_a_submission_take_a_small_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        client.get(CONTACT_URL["en"])
    with django_assert_max_num_queries(10):  # limit check, unique reference, inquiry, 2 emails, 2 tasks
        client.post(CONTACT_URL["en"], form_data())


@pytest.mark.django_db
def test_the_consents_are_stored_with_their_time_and_text_version(client):
    client.post(CONTACT_URL["en"], form_data(email="a@northwind.example", news_consent="on"))
    client.post(CONTACT_URL["en"], form_data(email="b@northwind.example"))

    with_news = Inquiry.objects.get(email="a@northwind.example")
    without_news = Inquiry.objects.get(email="b@northwind.example")
    assert with_news.consent_version == settings.PORTAL_INQUIRY_CONSENT_VERSION
    assert with_news.privacy_consent_at == with_news.received_at
    assert with_news.news_consent_at == with_news.received_at
    assert without_news.privacy_consent_at is not None
    assert without_news.news_consent_at is None


@pytest.mark.django_db
def test_the_ip_address_is_kept_only_as_a_keyed_hash(client):
    client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="203.0.113.7")

    client_hash = Inquiry.objects.get().client_hash
    assert len(client_hash) == 64
    assert "203.0.113.7" not in client_hash


# --- Bad input: clear errors next to each field, in the reader's language, nothing typed lost ------------

INVALID_FIELDS = [
    ("name", ""),
    ("name", "x" * 121),
    ("organisation", ""),
    ("organisation", "x" * 161),
    ("country", ""),
    ("country", "x" * 81),
    ("email", "nope"),
    ("email", ""),
    ("phone", "call me maybe"),
    ("phone", "+1" + "0" * 40),
    ("investor_type", ""),
    ("investor_type", "billionaire"),
    ("topic", ""),
    ("topic", "world-domination"),
    ("investment_size", ""),
    ("investment_size", "infinite"),
    ("timeline", ""),
    ("timeline", "yesterday"),
    ("message", ""),
    ("message", "x" * 5001),
    ("privacy_consent", None),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value"), INVALID_FIELDS)
def test_an_invalid_field_is_marked_next_to_it_and_in_the_summary_and_nothing_is_stored(client, field, value):
    data = form_data(**{field: value})
    if field != "message":
        data["message"] = "Please keep this message exactly as I typed it."

    response = client.post(CONTACT_URL["en"], data)

    html = response.content.decode()
    widget = widget_tag(html, field)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in widget
    assert f"id_{field}_error" in widget  # aria-describedby points at the error
    assert f'id="id_{field}_error"' in html
    assert re.search(r'<div class="error-summary" role="alert"', html)
    assert f'href="#id_{field}"' in html
    if field != "message":
        assert "Please keep this message exactly as I typed it." in html
    assert "Northwind Robotics" in html or field == "organisation"
    assert not Inquiry.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_everything_typed_is_kept_when_the_email_is_invalid(client):
    response = client.post(CONTACT_URL["en"], form_data(email="jane-at-northwind", news_consent="on"))

    html = response.content.decode()
    assert 'value="jane-at-northwind"' in widget_tag(html, "email")
    assert 'value="+1 415 555 0100"' in widget_tag(html, "phone")
    assert "checked" in widget_tag(html, "privacy_consent")
    assert "checked" in widget_tag(html, "news_consent")
    assert re.search(r'<option value="rd-centre" selected>', html)
    assert "We plan to open an AI research centre in Seoul next year." in html


@pytest.mark.django_db
def test_field_errors_come_in_korean_on_the_korean_form(client):
    response = client.post(CONTACT_URL["ko"], form_data(name=""))

    assert response["Content-Language"] == "ko"
    assert "필수 항목입니다." in response.content.decode()  # Django's own Korean message


SINGLE_LINE_MESSAGE = "Use one line of ordinary text, without line breaks or invisible control characters."


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "organisation", "country", "phone", "regarding"])
@pytest.mark.parametrize(
    "value",
    [
        pytest.param("Jane\r\nBcc: spam@example.com", id="crlf"),
        pytest.param("Jane\nPark", id="lf"),
        pytest.param("Jane\u202ekraP", id="bidi-override"),
        pytest.param("Jane\u2066Park", id="bidi-isolate"),
        pytest.param("Jane\x07Park", id="control"),
    ],
)
def test_single_line_fields_refuse_line_breaks_control_and_bidi_characters(client, field, value):
    response = client.post(CONTACT_URL["en"], form_data(**{field: value}))

    html = response.content.decode()
    assert response.status_code == 200
    assert SINGLE_LINE_MESSAGE.replace("’", "&#x27;") in html
    assert f'href="#id_{field}"' in html
    assert "We plan to open an AI research centre in Seoul next year." in html
    assert not Inquiry.objects.exists()


@pytest.mark.django_db
def test_the_model_refuses_a_line_break_in_a_single_line_field_and_says_why_in_korean():
    inquiry = Inquiry(
        language="ko",
        name="Jane\nPark",
        organisation="Northwind",
        country="US",
        email="jane@northwind.example",
        investor_type=Inquiry.InvestorType.CORPORATION,
        topic=Inquiry.Topic.RD_CENTRE,
        investment_size=Inquiry.InvestmentSize.FROM_10M_TO_50M,
        timeline=Inquiry.Timeline.WITHIN_A_YEAR,
        message="A message\nwith lines is fine.",
        consent_version="1",
        privacy_consent_at=timezone.now(),
    )
    with translation.override("ko"):
        with pytest.raises(ValidationError) as error:
            inquiry.full_clean()
        messages = error.value.message_dict

    assert list(messages) == ["name"]
    assert messages["name"] == ["줄바꿈이나 보이지 않는 제어 문자 없이 한 줄의 일반 텍스트로 입력해 주세요."]


# --- Bots: rejected quietly -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(client):
    response = client.post(CONTACT_URL["en"], form_data(website="http://cheap-pills.example"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Thank you for your inquiry" in html
    assert "IS-" not in html
    assert not Inquiry.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "opened",
    [
        pytest.param(lambda: new_fill_token(), id="sent-at-once"),
        pytest.param(lambda: None, id="no-token"),
        pytest.param(lambda: "12345:forged", id="forged-token"),
        pytest.param(lambda: signing.dumps(int(time.time()), salt=FILL_TOKEN_SALT), id="old-style-token"),
        pytest.param(lambda: new_fill_token(time.time() - 2 * 24 * 3600), id="token-two-days-old"),
    ],
)
def test_a_form_that_only_fails_the_timing_check_is_stored_flagged_and_thanked(client, opened):
    response = client.post(CONTACT_URL["en"], form_data(opened=opened()), follow=True)

    inquiry = Inquiry.objects.get()
    assert response.redirect_chain[-1][0].startswith("/en/contact/thanks/")
    assert inquiry.reference in response.content.decode()
    assert inquiry.possibly_automated
    assert inquiry.emails.count() == 2


@pytest.mark.django_db
def test_a_form_filled_at_a_human_pace_is_not_flagged(client):
    client.post(CONTACT_URL["en"], form_data())

    assert not Inquiry.objects.get().possibly_automated


def posted_token(html):
    return re.search(r'<input type="hidden" name="opened" value="([^"]+)">', html).group(1)


@pytest.mark.django_db
def test_the_fill_time_counts_from_the_first_showing_across_error_re_renders(client):
    """Shown a minute ago, sent with a mistake, fixed and sent again at once: a person, not a bot."""
    first_showing = new_fill_token(time.time() - 60)
    with_error = client.post(CONTACT_URL["en"], form_data(email="jane-at-northwind", opened=first_showing))
    assert posted_token(with_error.content.decode()) == first_showing

    fixed = client.post(CONTACT_URL["en"], form_data(opened=posted_token(with_error.content.decode())))

    assert fixed.status_code == 302
    assert not Inquiry.objects.get().possibly_automated


@pytest.mark.django_db
def test_every_error_in_the_summary_names_the_field_to_fix_in_the_visitors_language(client):
    response = client.post(CONTACT_URL["ko"], form_data(name="", email="nope", opened=new_fill_token()))

    summary = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S).group(0)
    items = re.findall(r"<li>(.*?)</li>", summary, re.S)
    assert len(items) == 2
    assert all('<a href="#id_' in item for item in items)
    assert "이메일" in summary
    assert "Please check your inquiry once more" not in summary


@pytest.mark.django_db(transaction=True)
def test_the_same_form_posted_twice_stores_one_inquiry_and_sends_two_emails(client, mailoutbox):
    data = form_data()

    first = client.post(CONTACT_URL["en"], data)
    second = client.post(CONTACT_URL["en"], data)  # a double click, or a replayed token
    run_worker()

    assert Inquiry.objects.count() == 1
    assert first["Location"] == second["Location"]  # the same reference, thanked again
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_one_form_token_replayed_with_other_content_stores_one_inquiry(client):
    """A bot that fetched the form once cannot post it again and again, not even for 24 hours."""
    token = new_fill_token(time.time() - 60)

    for number in range(5):
        client.post(CONTACT_URL["en"], form_data(opened=token, email=f"bot{number}@spam.example"))

    assert list(Inquiry.objects.values_list("email", flat=True)) == ["bot0@spam.example"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_from_one_address_accept_exactly_the_hourly_limit(settings):
    settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR = 10
    start = threading.Barrier(30)

    def post_once(_):
        try:
            data = form_data()  # each with its own form token
            start.wait()
            return Client().post(CONTACT_URL["en"], data, REMOTE_ADDR="198.51.100.9").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=30) as pool:
        statuses = list(pool.map(post_once, range(30)))

    assert statuses.count(302) == 10
    assert statuses.count(429) == 20
    assert Inquiry.objects.count() == 10


@pytest.mark.django_db
def test_the_rate_limit_counts_accepted_inquiries_per_ip_in_the_last_hour(client, settings):
    settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR = 2
    for _ in range(3):
        assert client.post(CONTACT_URL["en"], form_data(email="")).status_code == 200  # invalid: not counted
    assert client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="198.51.100.1").status_code == 302
    assert client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="198.51.100.1").status_code == 302

    refused = client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="198.51.100.1")
    elsewhere = client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="198.51.100.2")

    html = refused.content.decode()
    assert refused.status_code == 429
    assert "several inquiries from your network in the last hour" in html
    assert "We plan to open an AI research centre in Seoul next year." in html
    assert elsewhere.status_code == 302
    assert Inquiry.objects.count() == 3

    Inquiry.objects.update(received_at=timezone.now() - timedelta(minutes=61))
    assert client.post(CONTACT_URL["en"], form_data(), REMOTE_ADDR="198.51.100.1").status_code == 302


@pytest.mark.django_db
def test_behind_the_portals_proxy_the_rate_limit_counts_the_visitor_not_the_proxy(client, settings):
    settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR = 1
    settings.BEHIND_PROXY = True
    proxy = {"REMOTE_ADDR": "10.0.0.5"}

    first = client.post(CONTACT_URL["en"], form_data(), HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy)
    second_visitor = client.post(CONTACT_URL["en"], form_data(), HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy)
    spoofed = client.post(
        CONTACT_URL["en"], form_data(), HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1", **proxy
    )

    assert (first.status_code, second_visitor.status_code) == (302, 302)
    assert spoofed.status_code == 429  # a forged first entry does not hide the address the proxy saw


@pytest.mark.django_db
def test_the_rate_limit_message_comes_on_the_korean_page(client, settings):
    settings.PORTAL_INQUIRY_RATE_LIMIT_PER_HOUR = 0

    response = client.post(CONTACT_URL["ko"], form_data())

    assert response.status_code == 429
    assert response["Content-Language"] == "ko"
    assert '<html lang="ko">' in response.content.decode()


# --- SMTP down: stored, retried with backoff, sent once when SMTP returns -----------------------------


@pytest.mark.django_db(transaction=True)
def test_when_smtp_is_down_the_inquiry_is_safe_and_each_email_goes_out_once_smtp_returns(
    client, mailoutbox, settings
):
    settings.EMAIL_BACKEND = "tests.test_inquiries.SMTPDownBackend"

    response = client.post(CONTACT_URL["en"], form_data(), follow=True)
    inquiry = Inquiry.objects.get()
    assert inquiry.reference in response.content.decode()  # the investor sees success

    run_worker()
    first_failures = list(inquiry.emails.all())
    first_retry_at = min(task.run_after for task in deferred_tasks())
    assert [(email.attempts, email.sent_at) for email in first_failures] == [(1, None), (1, None)]
    assert all("SMTPServerDisconnected" in email.last_error for email in first_failures)
    assert {email.delivery() for email in first_failures} == {OutboundEmail.Delivery.FAILED}
    assert DBTaskResult.objects.filter(status="FAILED").count() == 2  # a failed send is a failed task
    assert not DBTaskResult.objects.filter(status="SUCCESSFUL").exists()
    assert deferred_tasks().count() == 2
    assert timedelta(seconds=50) < first_retry_at - timezone.now() <= timedelta(minutes=1)

    run_worker()  # too early: the retries wait for their time
    assert {email.attempts for email in inquiry.emails.all()} == {1}

    let_retry_delays_pass()
    run_worker()
    second_retry_at = min(task.run_after for task in deferred_tasks())
    assert {email.attempts for email in inquiry.emails.all()} == {2}
    assert second_retry_at - timezone.now() > timedelta(minutes=1, seconds=50)  # the delay doubles

    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    let_retry_delays_pass()
    run_worker()
    assert len(mailoutbox) == 2
    assert all(email.sent_at and email.attempts == 3 for email in inquiry.emails.all())
    assert [email.last_error for email in inquiry.emails.all()] == ["", ""]  # cleared by the success
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    assert not deferred_tasks().exists()

    for email in inquiry.emails.all():  # a duplicate task, e.g. from a retried enqueue
        send_inquiry_email.enqueue(email.pk)
    run_worker()
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_after_the_last_attempt_the_task_gives_up_and_staff_can_queue_it_again(
    admin_client, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.test_inquiries.SMTPDownBackend"
    inquiry = make_inquiry()
    email = OutboundEmail.objects.create(
        inquiry=inquiry, kind=OutboundEmail.Kind.ACKNOWLEDGEMENT, to=inquiry.email, attempts=MAX_ATTEMPTS - 1
    )

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(EmailNotSent, match="Gave up"):
        send_inquiry_email.call(email.pk)
    assert not DBTaskResult.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:inquiries_inquiry_changelist"),
            {"action": "retry_unsent_emails", "_selected_action": [inquiry.pk]},
        )
    assert DBTaskResult.objects.ready().count() == 1


# --- Faults: a send that may have happened is never repeated without a person deciding ------------------


class DatabaseDropsDuringSendBackend(BaseEmailBackend):
    """Delivers (to the test outbox), then PostgreSQL drops the worker's connection before it records."""

    def send_messages(self, email_messages):
        from django.core import mail

        mail.outbox.extend(email_messages)
        worker_pid = connection.connection.info.backend_pid
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [worker_pid])
        finally:
            other.close()
        return len(email_messages)


class TransactionWatchingBackend(BaseEmailBackend):
    seen = []

    def send_messages(self, email_messages):
        self.seen.append(connection.in_atomic_block)
        return len(email_messages)


def pending_email():
    inquiry = make_inquiry()
    return OutboundEmail.objects.create(
        inquiry=inquiry, kind=OutboundEmail.Kind.ACKNOWLEDGEMENT, to=inquiry.email
    )


def admin_action(admin_client, action, inquiry):
    return admin_client.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": action, "_selected_action": [inquiry.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )


def assert_in_doubt_and_not_resent_automatically(email, admin_client, mailoutbox):
    """The claim stays; a duplicate task and the ordinary retry action both leave the email alone."""
    email.refresh_from_db()
    assert (email.attempts, email.sent_at) == (1, None)
    assert email.claimed_at is not None

    send_inquiry_email.enqueue(email.pk)
    run_worker()
    assert len(mailoutbox) == 1
    assert "EmailDeliveryInDoubt" in DBTaskResult.objects.get(status="FAILED").exception_class_path

    page = admin_action(admin_client, "retry_unsent_emails", email.inquiry).content.decode()
    run_worker()
    assert len(mailoutbox) == 1
    assert "0 emails queued." in page

    OutboundEmail.objects.update(claimed_at=timezone.now() - timedelta(minutes=11))
    email.refresh_from_db()
    assert email.delivery() == OutboundEmail.Delivery.UNKNOWN
    change_page = admin_client.get(
        reverse("admin:inquiries_inquiry_change", args=[email.inquiry.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Unknown — check before resending" in change_page
    page = admin_action(admin_client, "retry_unsent_emails", email.inquiry).content.decode()
    assert "delivery is unknown" in page
    run_worker()
    assert len(mailoutbox) == 1

    page = admin_action(admin_client, "resend_emails_in_doubt", email.inquiry).content.decode()
    run_worker()
    assert "1 email of unknown delivery queued again." in page
    assert len(mailoutbox) == 2  # sent again only because a person asked for it
    email.refresh_from_db()
    assert email.delivery() == OutboundEmail.Delivery.SENT


@pytest.mark.django_db(transaction=True)
def test_a_database_fault_during_the_send_leaves_the_email_in_doubt_never_sent_twice(
    admin_client, mailoutbox, settings
):
    settings.EMAIL_BACKEND = "tests.test_inquiries.DatabaseDropsDuringSendBackend"
    email = pending_email()

    with pytest.raises(OperationalError):
        send_inquiry_email.call(email.pk)
    connection.close()  # the worker reconnects

    settings.EMAIL_BACKEND = LOCMEM_EMAIL
    assert_in_doubt_and_not_resent_automatically(email, admin_client, mailoutbox)


@pytest.mark.django_db(transaction=True)
def test_a_crash_between_send_and_record_leaves_the_email_in_doubt_never_sent_twice(
    admin_client, mailoutbox, monkeypatch
):
    email = pending_email()

    def worker_killed(outbound):
        raise SystemExit("killed between send and record")

    with monkeypatch.context() as patch:
        patch.setattr(services, "outbound_email_record_sent", worker_killed)
        with pytest.raises(SystemExit):
            send_inquiry_email.call(email.pk)

    assert_in_doubt_and_not_resent_automatically(email, admin_client, mailoutbox)


@pytest.mark.django_db(transaction=True)
def test_no_transaction_is_open_while_the_email_is_sent(mailoutbox, settings):
    settings.EMAIL_BACKEND = "tests.test_inquiries.TransactionWatchingBackend"
    TransactionWatchingBackend.seen = []

    send_inquiry_email.call(pending_email().pk)

    assert TransactionWatchingBackend.seen == [False]


# --- Staff: who sees inquiries, what is logged, CSV export, notes --------------------------------------


def staff_member(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


@pytest.mark.django_db
def test_inquiry_handlers_see_inquiries_and_content_editors_do_not(client, django_user_model):
    inquiry = make_inquiry()
    handler = staff_member(django_user_model, "handler", INQUIRY_HANDLERS)
    editor = staff_member(django_user_model, "editor", CONTENT_EDITORS)
    changelist = reverse("admin:inquiries_inquiry_changelist")
    change = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])

    client.force_login(editor)
    assert client.get(changelist).status_code == 403
    assert client.get(change).status_code == 403
    assert "/admin/inquiries/" not in client.get(reverse("admin:index")).content.decode()
    assert not Group.objects.get(name=CONTENT_EDITORS).permissions.filter(content_type__app_label="inquiries")

    client.force_login(handler)
    assert client.get(changelist).status_code == 200
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:inquiries_inquiry_add")).status_code == 403
    assert client.get(reverse("admin:inquiries_inquiry_delete", args=[inquiry.pk])).status_code == 403
    assert client.get(reverse("admin:inquiries_inquiryaccesslog_changelist")).status_code == 403


@pytest.mark.django_db
def test_opening_an_inquiry_in_the_admin_is_logged(client, django_user_model, admin_client):
    inquiry = make_inquiry()
    client.force_login(staff_member(django_user_model, "handler", INQUIRY_HANDLERS))

    client.get(reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]))

    log = InquiryAccessLog.objects.get()
    assert (log.username, log.action, log.reference, log.inquiry) == (
        "handler",
        "viewed",
        inquiry.reference,
        inquiry,
    )
    assert admin_client.get(reverse("admin:inquiries_inquiryaccesslog_changelist")).status_code == 200


@pytest.mark.django_db
def test_the_csv_export_opens_korean_text_in_excel_and_is_logged(admin_client, admin_user):
    korean = make_inquiry(
        name="김서울",
        organisation='=HYPERLINK("http://evil.example")',
        message="서울에 연구소를 열고 싶습니다.",
    )
    make_inquiry(name="Not selected")

    response = admin_client.post(
        reverse("admin:inquiries_inquiry_changelist"),
        {"action": "export_csv", "_selected_action": [korean.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    header, row, *rest = csv.reader(io.StringIO(response.content.decode("utf-8-sig")))
    record = dict(zip(header, row, strict=True))
    assert rest == []
    assert record["reference"] == korean.reference
    assert record["name"] == "김서울"
    assert record["message"] == "서울에 연구소를 열고 싶습니다."
    assert record["organisation"].startswith("'=")  # a formula is shown as text, never run
    assert record["interest"] == "Opening an R&D centre"
    log = InquiryAccessLog.objects.get()
    assert (log.user, log.action, log.reference) == (admin_user, "exported", korean.reference)


@pytest.mark.django_db
def test_staff_change_status_and_assignee_and_add_a_signed_note(client, django_user_model):
    inquiry = make_inquiry()
    handler = staff_member(django_user_model, "handler", INQUIRY_HANDLERS)
    client.force_login(handler)

    response = client.post(
        reverse("admin:inquiries_inquiry_change", args=[inquiry.pk]),
        {
            "status": Inquiry.Status.IN_PROGRESS,
            "assignee": handler.pk,
            "notes-TOTAL_FORMS": "1",
            "notes-INITIAL_FORMS": "0",
            "notes-0-text": "Called Jane; meeting in Seoul next month.",
            "emails-TOTAL_FORMS": "0",
            "emails-INITIAL_FORMS": "0",
            "name": "Someone else",  # read-only: ignored
        },
    )

    inquiry.refresh_from_db()
    assert response.status_code == 302
    assert (inquiry.status, inquiry.assignee, inquiry.name) == ("in-progress", handler, "Jane Park")
    note = InquiryNote.objects.get()
    assert (note.author, note.text) == (handler, "Called Jane; meeting in Seoul next month.")


def note_change_post(inquiry, note, text):
    return {
        "status": inquiry.status,
        "notes-TOTAL_FORMS": "1",
        "notes-INITIAL_FORMS": "1",
        "notes-0-id": note.pk,
        "notes-0-inquiry": inquiry.pk,
        "notes-0-text": text,
        "emails-TOTAL_FORMS": "0",
        "emails-INITIAL_FORMS": "0",
    }


@pytest.mark.django_db
def test_a_note_can_be_edited_by_its_author_only_and_keeps_its_true_author(client, django_user_model):
    inquiry = make_inquiry()
    author = staff_member(django_user_model, "author", INQUIRY_HANDLERS)
    colleague = staff_member(django_user_model, "colleague", INQUIRY_HANDLERS)
    note = InquiryNote.objects.create(inquiry=inquiry, author=author, text="Met Jane at the expo.")
    change = reverse("admin:inquiries_inquiry_change", args=[inquiry.pk])

    client.force_login(colleague)
    page = client.get(change).content.decode()
    assert " disabled " in re.search(r'<textarea name="notes-0-text"[^>]*>', page).group(0)  # read-only
    assert "Met Jane at the expo." in page
    assert 'name="notes-0-DELETE"' not in page
    response = client.post(change, note_change_post(inquiry, note, "Jane cancelled."))
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.author) == ("Met Jane at the expo.", author)

    client.force_login(author)
    assert 'name="notes-0-text"' in client.get(change).content.decode()
    client.post(
        change, note_change_post(inquiry, note, "Met Jane at the expo; she asked about rent support.")
    )
    note.refresh_from_db()
    assert (note.text, note.author) == ("Met Jane at the expo; she asked about rent support.", author)


class CustomAdminPath:
    """A URL conf whose admin lives elsewhere: the email's link must follow it, not assume /admin/."""

    urlpatterns = [path("staff-only/", admin.site.urls)]


@pytest.mark.django_db
def test_the_staff_email_links_the_admin_at_the_site_url_and_the_configured_admin_path(settings):
    settings.SITE_URL = "https://ai.investseoul.example:8443"
    inquiry = make_inquiry()
    email = OutboundEmail.objects.create(
        inquiry=inquiry, kind=OutboundEmail.Kind.STAFF_NOTIFICATION, to="staff@example.com"
    )

    default_link = build_message(email).body
    settings.ROOT_URLCONF = CustomAdminPath
    moved_link = build_message(email).body

    assert f"https://ai.investseoul.example:8443/admin/inquiries/inquiry/{inquiry.pk}/change/" in default_link
    assert (
        f"https://ai.investseoul.example:8443/staff-only/inquiries/inquiry/{inquiry.pk}/change/" in moved_link
    )


@pytest.mark.django_db
def test_searching_and_listing_inquiries_in_the_admin_is_logged_per_inquiry_shown(client, django_user_model):
    shown = make_inquiry(name="Jane Park")
    other = make_inquiry(name="Someone Else", email="someone@else.example")
    client.force_login(staff_member(django_user_model, "handler", INQUIRY_HANDLERS))
    changelist = reverse("admin:inquiries_inquiry_changelist")

    client.get(changelist, {"q": "Jane"})

    log = InquiryAccessLog.objects.get()
    assert (log.username, log.action, log.inquiry) == ("handler", "listed", shown)

    client.get(changelist)
    assert set(InquiryAccessLog.objects.filter(inquiry=other).values_list("action", flat=True)) == {"listed"}
    assert InquiryAccessLog.objects.count() == 3


@pytest.mark.django_db
def test_the_admin_filters_and_shows_inquiries_flagged_as_possibly_automated(admin_client):
    flagged = make_inquiry(possibly_automated=True)
    make_inquiry(name="A person")

    response = admin_client.get(
        reverse("admin:inquiries_inquiry_changelist"), {"possibly_automated__exact": "1"}
    )

    assert [inquiry.pk for inquiry in response.context["cl"].result_list] == [flagged.pk]
    assert "column-possibly_automated" in response.content.decode()


# --- CSRF failure: a styled page in the visitor's language, nothing typed lost ------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "notice"),
    [("en", "Your inquiry has not been sent yet"), ("ko", "문의가 아직 전송되지 않았습니다")],
)
def test_a_csrf_failure_on_the_form_keeps_what_was_typed_and_asks_to_send_again(language, notice):
    client = Client(enforce_csrf_checks=True)
    data = form_data(news_consent="on", csrfmiddlewaretoken="stale-token")

    response = client.post(CONTACT_URL[language], data)

    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{language}">' in html
    assert notice in html
    assert "We plan to open an AI research centre in Seoul next year." in html
    assert 'value="jane@northwind.example"' in widget_tag(html, "email")
    assert "checked" in widget_tag(html, "news_consent")
    assert "stale-token" not in html
    assert "style=" not in html
    assert not Inquiry.objects.exists()

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    resent = client.post(CONTACT_URL[language], {**data, "csrfmiddlewaretoken": token})
    assert resent.status_code == 302
    assert Inquiry.objects.count() == 1


@pytest.mark.django_db
def test_other_csrf_failures_get_a_styled_translated_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/admin/login/", {"username": "x", "password": "y"}, HTTP_ACCEPT_LANGUAGE="ko")

    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="ko">' in html
    assert "다시 시도해 주세요" in html
    assert "style=" not in html


# --- Guarantees the README makes about inquiry data ---------------------------------------------------


def test_the_sender_fingerprint_is_keyed_by_the_secret_key_not_a_plain_hash(settings):
    settings.SECRET_KEY = "first-secret-key-for-this-test-0123456789"
    first = services.client_fingerprint("203.0.113.7")
    settings.SECRET_KEY = "second-secret-key-for-this-test-0123456789"
    second = services.client_fingerprint("203.0.113.7")

    assert first != second
    assert hashlib.sha256(b"203.0.113.7").hexdigest() not in (first, second)
    assert services.client_fingerprint("203.0.113.8") != second
    assert re.fullmatch(r"[0-9a-f]{64}", second)


@pytest.mark.django_db
def test_references_are_drawn_from_secrets_with_no_sequence(monkeypatch):
    references = [new_reference() for _ in range(300)]
    random_parts = [reference.rsplit("-", 1)[1] for reference in references]

    assert len(set(references)) == 300
    assert random_parts != sorted(random_parts)
    assert len({part[-1] for part in random_parts}) > 20  # a counter's last character cycles slowly
    assert len({part[0] for part in random_parts}) > 20  # and its first barely moves
    with monkeypatch.context() as patch:
        patch.setattr(models.secrets, "choice", lambda alphabet: alphabet[0])
        assert new_reference().endswith("-AAAAAAAA")  # the random part comes from `secrets`


# --- Retention ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_purge_command_anonymises_inquiries_past_the_retention_period(settings):
    settings.PORTAL_INQUIRY_RETENTION_DAYS = 365
    old = make_inquiry(
        received_at=timezone.now() - timedelta(days=366), phone="+1 415 555 0100", client_hash="abc"
    )
    recent = make_inquiry(received_at=timezone.now() - timedelta(days=364))
    InquiryNote.objects.create(inquiry=old, text="Jane's mobile is +1 415 555 0199")
    OutboundEmail.objects.create(inquiry=old, kind=OutboundEmail.Kind.ACKNOWLEDGEMENT, to=old.email)

    out = io.StringIO()
    call_command("purge_inquiries", "--dry-run", stdout=out)
    assert "1 inquiries" in out.getvalue()
    assert Inquiry.objects.filter(anonymised_at__isnull=False).count() == 0

    call_command("purge_inquiries", stdout=io.StringIO())

    old.refresh_from_db()
    recent.refresh_from_db()
    personal = (old.name, old.organisation, old.email, old.phone, old.message, old.client_hash)
    assert personal == ("", "", "", "", "", "")
    assert old.anonymised_at is not None
    assert (old.country, old.topic) == ("United States", Inquiry.Topic.RD_CENTRE)
    assert not old.notes.exists()
    assert old.emails.get().to == ""
    assert recent.name == "Jane Park"
    assert recent.anonymised_at is None

    out = io.StringIO()
    call_command("purge_inquiries", stdout=out)
    assert out.getvalue().startswith("0 inquiries")

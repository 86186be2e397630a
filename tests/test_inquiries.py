"""Investor inquiries: stored first, emailed once (even when SMTP is down), handled and purged by staff."""

import csv
import io
import re
import signal
import smtplib
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from content.staff import CONTENT_EDITORS
from incentives.models import ContactPoint, Incentive
from inquiries.forms import InquiryForm, new_fill_token
from inquiries.models import INQUIRY_HANDLERS, Inquiry, InquiryAccessLog, InquiryNote, OutboundEmail
from inquiries.tasks import MAX_ATTEMPTS, send_inquiry_email
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

    controls = re.findall(r"<(?:input|select|textarea)\b[^>]*>", html)
    visible = [control for control in controls if 'type="hidden"' not in control]
    visible_ids = {re.search(r'\bid="([^"]+)"', control).group(1) for control in visible}
    visible_fields = {field.id_for_label for field in InquiryForm() if not field.is_hidden}
    assert len(visible_fields) == 13
    assert visible_fields <= visible_ids
    unlabelled = [id_ for id_ in sorted(visible_ids) if f'<label for="{id_}"' not in html]
    assert unlabelled == []
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
def test_references_are_random_and_unique():
    references = {make_inquiry().reference for _ in range(50)}
    assert len(references) == 50


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
        pytest.param(lambda: new_fill_token(time.time() - 2 * 24 * 3600), id="token-two-days-old"),
    ],
)
def test_a_form_sent_too_fast_or_without_a_valid_token_is_shown_again_with_everything_kept(client, opened):
    response = client.post(CONTACT_URL["en"], form_data(opened=opened()))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Please check your inquiry once more, then send it again." in html
    assert "We plan to open an AI research centre in Seoul next year." in html
    assert re.search(r'<input type="hidden" name="opened" value="[^"]+:[^"]+">', html)  # a fresh token
    assert not Inquiry.objects.exists()


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

    with django_capture_on_commit_callbacks(execute=True):
        assert send_inquiry_email.call(email.pk) == "gave-up"
    assert not DBTaskResult.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:inquiries_inquiry_changelist"),
            {"action": "retry_unsent_emails", "_selected_action": [inquiry.pk]},
        )
    assert DBTaskResult.objects.ready().count() == 1


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

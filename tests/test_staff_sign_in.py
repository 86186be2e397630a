"""Staff sign-in: lockout after repeated wrong passwords (django-axes), TOTP two-factor (django-otp)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from inquiries.models import INQUIRY_HANDLERS

PASSWORD = "correct-horse-battery-staple"
LOGIN_URL = "/admin/login/"
INQUIRIES = "/admin/inquiries/inquiry/"


@pytest.fixture
def handler(django_user_model):
    user = django_user_model.objects.create_user("handler", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=INQUIRY_HANDLERS)[0])
    return user


def sign_in(client, username="handler", password=PASSWORD, address="198.51.100.20", **extra):
    data = {"username": username, "password": password, "next": "/admin/", **extra}
    return client.post(LOGIN_URL, data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def code(device, steps_ahead=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, steps_ahead):06d}"


# --- Lockout -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_that_username_from_that_address_until_unlocked(handler, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(4):
        assert sign_in(Client(), password="wrong-guess").status_code == 200  # the form, with its error

    locked = sign_in(Client(), password="wrong-guess")
    with_right_password = sign_in(Client())

    assert locked.status_code == 429
    assert with_right_password.status_code == 429  # locked: even the right password is refused
    html = with_right_password.content.decode()
    assert "Sign-in locked" in html
    assert "After 5 failed attempts" in html
    assert "Try again in 30 minutes." in html
    assert "style=" not in html
    assert sign_in(Client(), address="203.0.113.50").status_code == 302  # same person, another network

    call_command("axes_reset_username", "handler", verbosity=0)

    assert sign_in(Client()).status_code == 302


@pytest.mark.django_db
def test_the_lockout_page_is_in_the_readers_language(handler, settings):
    settings.AXES_FAILURE_LIMIT = 1
    client = Client()

    response = client.post(
        LOGIN_URL,
        {"username": "handler", "password": "wrong-guess"},
        REMOTE_ADDR="198.51.100.21",
        HTTP_ACCEPT_LANGUAGE="ko",
    )

    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="ko">' in html
    assert "로그인이 잠겼습니다" in html


# --- Two-factor sign-in ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_with_two_factor_off_the_password_is_enough(handler):
    client = Client()

    assert sign_in(client).status_code == 302
    assert client.get(INQUIRIES).status_code == 200


@pytest.mark.django_db
def test_with_two_factor_on_staff_enrol_a_totp_app_then_sign_in_with_a_code(handler, settings):
    settings.PORTAL_STAFF_TWO_FACTOR = True
    client = Client(headers={"Accept-Language": "en"})

    # First sign-in: the password alone leads only to enrolment.
    response = sign_in(client)
    assert response.status_code == 302
    enrolment = client.get(INQUIRIES, follow=True)
    assert enrolment.redirect_chain[-1][0] == reverse("admin:two_factor_enrol")
    html = enrolment.content.decode()
    device = TOTPDevice.objects.get(user=handler, confirmed=False)
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', html)  # no remote QR service
    assert re.search(r"<code[^>]*>[A-Z2-7]{32,}</code>", html)  # the key, to type in by hand
    assert "otpauth://totp/" in html

    wrong = client.post(reverse("admin:two_factor_enrol"), {"token": "000000"})
    assert "This code is not right" in wrong.content.decode()
    throttled = client.post(reverse("admin:two_factor_enrol"), {"token": code(device)})
    assert "Too many wrong codes" in throttled.content.decode()  # django-otp slows down guessing
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert client.post(reverse("admin:two_factor_enrol"), {"token": code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(INQUIRIES).status_code == 200

    # Next time the password alone is not enough.
    client = Client()
    without_code = sign_in(client)
    assert without_code.status_code == 200
    assert client.get(INQUIRIES).status_code == 302
    assert client.get(reverse("admin:two_factor_enrol")).status_code == 302  # no adding a device either

    with_code = sign_in(client, otp_token=code(device, steps_ahead=1))
    assert with_code.status_code == 302
    assert client.get(INQUIRIES).status_code == 200


@pytest.mark.django_db
def test_with_two_factor_on_a_session_signed_in_without_a_code_cannot_see_inquiries(handler, settings):
    TOTPDevice.objects.create(user=handler, name="phone", confirmed=True)
    client = Client()
    client.force_login(handler)
    assert client.get(INQUIRIES).status_code == 200

    settings.PORTAL_STAFF_TWO_FACTOR = True

    assert client.get(INQUIRIES).status_code == 302


@pytest.mark.django_db
def test_a_staff_session_ends_after_an_hour_without_a_request(handler, settings):
    client = Client()
    sign_in(client)
    session = client.session

    client.get(INQUIRIES)  # each request renews the session
    assert 3500 < client.session.get_expiry_age() <= 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST

    session.set_expiry(-1)
    session.save()
    assert client.get(INQUIRIES).status_code == 302  # back to the sign-in page

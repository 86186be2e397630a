"""Staff sign-in: the admin site with optional TOTP two-factor sign-in (django-otp) and its enrolment page.

With PORTAL_STAFF_TWO_FACTOR on (the production default), a staff member signs in with password and a code
from an authenticator app. Someone with no confirmed device yet signs in with the password only and can
then do one thing: add a device on the enrolment page and confirm it with a first code. Failed password
attempts are throttled separately by django-axes (see the settings).
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin import AdminSite
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.admin import OTPAdminAuthenticationForm


def two_factor_required():
    return settings.PORTAL_STAFF_TWO_FACTOR


def has_confirmed_device(user):
    return any(devices_for_user(user, confirmed=True))


class StaffAuthenticationForm(OTPAdminAuthenticationForm):
    """Password and code; someone with no device yet passes with the password, to reach enrolment only."""

    def clean_otp(self, user):
        if user is not None and not has_confirmed_device(user):
            return
        super().clean_otp(user)

    def _chosen_device(self, user):
        """With one device there is nothing to choose: a code typed with the password is enough."""
        devices = list(devices_for_user(user, confirmed=True))
        return super()._chosen_device(user) or (devices[0] if len(devices) == 1 else None)


class TOTPConfirmForm(forms.Form):
    token = forms.CharField(
        label=_("The 6-digit code your app shows"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PortalAdminSite(AdminSite):
    site_header = _("Invest Seoul AI portal")
    site_title = _("Invest Seoul AI portal")

    @property
    def login_form(self):
        return StaffAuthenticationForm if two_factor_required() else None

    @property
    def login_template(self):
        return "otp/admin111/login.html" if two_factor_required() else None

    def has_permission(self, request):
        verified = not two_factor_required() or request.user.is_verified()
        return super().has_permission(request) and verified

    def login(self, request, extra_context=None):
        if request.method == "GET" and self._needs_enrolment(request.user):
            return redirect("admin:two_factor_enrol")
        return super().login(request, extra_context)

    def _needs_enrolment(self, user):
        staff = user.is_active and user.is_staff
        return two_factor_required() and staff and not user.is_verified() and not has_confirmed_device(user)

    def get_urls(self):
        enrol = path("two-factor/", never_cache(self.two_factor_enrol), name="two_factor_enrol")
        return [enrol, *super().get_urls()]

    def two_factor_enrol(self, request):
        """Add an authenticator app: scan the QR code (or type the key), then confirm with a first code.

        Open to a signed-in staff member who has no device yet, or who signed in with one (to add another).
        """
        from django_otp.plugins.otp_totp.models import TOTPDevice

        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        if has_confirmed_device(user) and not user.is_verified():
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
        form = TOTPConfirmForm(request.POST or None)
        if form.is_valid():
            if not device.verify_is_allowed()[0]:
                form.add_error("token", _("Too many wrong codes in a row. Wait a minute, then try again."))
            elif device.verify_token(form.cleaned_data["token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                messages.success(request, _("Two-factor sign-in is set up for your account."))
                return redirect("admin:index")
            else:
                form.add_error("token", _("This code is not right. Check your phone's clock and try again."))
        context = {
            **self.each_context(request),
            "title": _("Set up two-factor sign-in"),
            "form": form,
            "qr_code": qr_code_data_uri(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode(),
            "otpauth_uri": device.config_url,
            "required": two_factor_required(),
        }
        return TemplateResponse(request, "staff/two_factor_enrol.html", context)


def qr_code_data_uri(text):
    """The QR code as an SVG data URI: drawn on the server, no remote service, allowed by the CSP."""
    svg = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage).save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()


def locked_out(request, original_response, credentials):
    """AXES_LOCKOUT_CALLABLE: a styled page in the reader's language instead of axes' plain text."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "staff/locked_out.html", context, status=429)

from django.urls import path

from inquiries import views

app_name = "inquiries"

urlpatterns = [
    path("", views.contact, name="contact"),
    path("thanks/<str:token>/", views.thanks, name="thanks"),
    path("privacy/", views.privacy, name="privacy"),
]

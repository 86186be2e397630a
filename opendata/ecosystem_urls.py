from django.urls import path

from opendata import views

app_name = "ecosystem"

urlpatterns = [
    path("", views.ecosystem_page, name="map"),
]

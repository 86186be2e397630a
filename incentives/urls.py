from django.urls import path

from incentives import views

app_name = "incentives"

urlpatterns = [
    path("", views.incentive_list, name="list"),
    path("finder/", views.finder, name="finder"),
    path("<slug:slug>/", views.incentive_detail, name="detail"),
]

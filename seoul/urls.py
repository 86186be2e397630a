from django.urls import path

from seoul import views

app_name = "seoul"

urlpatterns = [
    path("market/", views.market, name="market"),
    path("policy/", views.policy, name="policy"),
]

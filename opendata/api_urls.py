from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import SimpleRouter

from opendata import api

router = SimpleRouter()
router.register("companies", api.CompanyViewSet, basename="company")
router.register("deals", api.DealViewSet, basename="deal")
router.register("institutions", api.InstitutionViewSet, basename="institution")
router.register("programmes", api.ProgrammeViewSet, basename="programme")
router.register("events", api.EventViewSet, basename="event")
router.register("key-figures", api.KeyFigureViewSet, basename="key-figure")
router.register("datasets", api.DatasetViewSet, basename="dataset")
router.register("incentives", api.IncentiveViewSet, basename="incentive")

app_name = "api"

urlpatterns = [
    path(
        "openapi.json",
        SpectacularJSONAPIView.as_view(throttle_classes=[api.AddressRateThrottle]),
        name="schema",
    ),
    path("", include(router.urls)),
]

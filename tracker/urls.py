from django.contrib import admin
from django.urls import include, path

from api.token_views import api_token

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/token/", api_token, name="api_token"),
    path("api/", include("api.urls")),
    path("", include("web.urls")),
]

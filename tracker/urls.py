from django.contrib import admin
from django.urls import include, path

from api.token_views import api_token
from readers.views import LoginView

urlpatterns = [
    path("admin/", admin.site.urls),
    # Readers and clerks log in here (throttled; readers land on /volgen/, clerks on the queue).
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/token/", api_token, name="api_token"),
    path("api/", include("api.urls")),
    path("", include("readers.urls")),
    path("", include("web.urls")),
]

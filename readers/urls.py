from django.urls import path

from . import views

app_name = "readers"

urlpatterns = [
    path("account/aanmelden/", views.signup, name="signup"),
    path("account/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("volgen/", views.follows, name="follows"),
    path("volgen/knop/", views.toggle, name="toggle"),
    path("volgen/<int:pk>/", views.follow_update, name="follow_update"),
    path("volgen/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("volgen/agenda.ics", views.agenda, name="agenda"),
]

"""Griffie (clerk) pages, mounted under /griffie/ by web/urls.py (namespace ``web``)."""

from django.urls import path

from . import griffie

urlpatterns = [
    path("", griffie.review_queue, name="review_queue"),
    path("accepteren/", griffie.bulk_accept, name="bulk_accept"),
    path("toezeggingen/<int:pk>/accepteren/", griffie.accept, name="accept_commitment"),
    path("toezeggingen/<int:pk>/afwijzen/", griffie.reject, name="reject_commitment"),
    path("toezeggingen/<int:pk>/terugdraaien/", griffie.undo, name="undo_decision"),
    path("toezeggingen/<int:pk>/uitstel-terugdraaien/", griffie.undo_postponement, name="undo_postponement"),
    path("kwaliteit/", griffie.quality, name="extraction_quality"),
    path("kamerregister/", griffie.tk_differences, name="tk_differences"),
    path("documenten/zoeken/", griffie.evidence_search, name="evidence_search"),
    path("toezeggingen/<int:pk>/bewerken/", griffie.edit, name="edit_commitment"),
    path("documenten/<int:pk>/toezegging-toevoegen/", griffie.add_commitment, name="add_commitment"),
    path(
        "toezeggingen/<int:pk>/status/<slug:action>/", griffie.status_action, name="commitment_status_action"
    ),
    path("suggesties/", griffie.suggestions, name="suggestions"),
    path("suggesties/<int:pk>/<slug:action>/", griffie.suggestion_action, name="suggestion_action"),
    path("upload/", griffie.upload, name="upload"),
    path("upload/<int:pk>/", griffie.upload_job, name="upload_job"),
    path("upload/<int:pk>/bevestigen/", griffie.confirm_upload, name="confirm_upload"),
    path("upload/<int:pk>/status/", griffie.upload_job_status, name="upload_job_status"),
]

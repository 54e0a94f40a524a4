from django.urls import path

from oversight import scorecard_views

urlpatterns = [
    path("scorecard", scorecard_views.scorecard, name="scorecard"),
    path("scorecard/work-out-again", scorecard_views.rebuild_scorecard, name="scorecard-rebuild"),
]

from django.urls import path

from casework import views as casework_views
from people import views

app_name = "people"
urlpatterns = [
    path("young-people", views.register, name="register"),
    path("my-young-people", views.my_young_people, name="mine"),
    path("young-people/new", views.young_person_create, name="create"),
    path("young-people/<int:pk>", views.young_person_detail, name="detail"),
    path("young-people/<int:pk>/care-history", views.care_history, name="care-history"),
    path("young-people/<int:pk>/personal-details", views.personal_details, name="personal-details"),
    path("young-people/<int:pk>/history", views.record_history, name="history"),
    path("young-people/<int:pk>/edit", views.young_person_edit, name="edit"),
    path("young-people/<int:pk>/care-episodes/new", views.episode_form, name="episode-create"),
    path("young-people/<int:pk>/care-episodes/<int:episode_id>", views.episode_form, name="episode-edit"),
    path("young-people/<int:pk>/living-with-parent/new", views.home_period_form, name="home-create"),
    path("young-people/<int:pk>/living-with-parent/<int:period_id>", views.home_period_form, name="home-edit"),
    path("young-people/<int:pk>/allocations/new", casework_views.allocate, name="allocate"),
    path(
        "young-people/<int:pk>/allocations/<int:allocation_id>/end",
        casework_views.end_allocation,
        name="end-allocation",
    ),
]

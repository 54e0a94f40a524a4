"""The care leaver return's addresses, included by ssda903/urls.py under /returns/."""

from django.urls import path

from ssda903 import return_views as views

urlpatterns = [
    path("care-leavers/", views.return_latest, name="return-latest"),
    path("care-leavers/<int:year>", views.return_page, name="return"),
    path("care-leavers/<int:year>/check", views.return_check, name="return-check"),
    path("care-leavers/<int:year>/export", views.return_export, name="return-export"),
    path("care-leavers/<int:year>/download", views.return_download, name="return-download"),
    path("care-leavers/<int:year>/young-people/<int:pk>", views.return_person, name="return-person"),
    path("care-leavers/<int:year>/young-people/<int:pk>/values/<str:field>", views.override_value,
         name="return-override"),
    path("care-leavers/<int:year>/young-people/<int:pk>/values-set/<int:override_id>/withdraw",
         views.withdraw_value, name="return-withdraw"),
]

from django.urls import path

from duties import views

app_name = "duties"
urlpatterns = [
    path("rules/duties", views.duty_list, name="list"),
    path("rules/settings", views.settings_page, name="settings"),
    path("rules/settings/change", views.settings_edit, name="settings-edit"),
]

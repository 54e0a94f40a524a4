from django.urls import path

from oversight import views

app_name = "oversight"
urlpatterns = [
    path("my-worklist", views.my_worklist, name="worklist"),
]

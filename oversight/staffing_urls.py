from django.urls import path

from oversight import staffing_views as views

urlpatterns = [
    path("staffing", views.staffing_page, name="staffing"),
    path("staffing/absences/new", views.absence_new, name="absence-new"),
    path("staffing/absences/<int:pk>/change", views.absence_change, name="absence-change"),
    path("staffing/absences/<int:pk>/withdraw", views.absence_withdraw, name="absence-withdraw"),
    path("staffing/vacancies/new", views.vacancy_new, name="vacancy-new"),
    path("staffing/vacancies/<int:pk>/change", views.vacancy_change, name="vacancy-change"),
    path("staffing/vacancies/<int:pk>/filled", views.vacancy_fill, name="vacancy-fill"),
    path("staffing/vacancies/<int:pk>/withdraw", views.vacancy_withdraw, name="vacancy-withdraw"),
]

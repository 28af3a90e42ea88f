from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "accounts"
urlpatterns = [
    path(
        "prihlaseni/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("odhlaseni/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "heslo/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html", success_url="/ucet/heslo/hotovo/"
        ),
        name="password_change",
    ),
    path(
        "heslo/hotovo/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
]

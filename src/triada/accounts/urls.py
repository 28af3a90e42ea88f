from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("dvoufazove-overeni/", views.two_factor_setup, name="two_factor_setup"),
    path("dvoufazove-overeni/kod/", views.two_factor_verify, name="two_factor_verify"),
    path("dvoufazove-overeni/zalozni-kody/", views.recovery_codes, name="recovery_codes"),
    path("dvoufazove-overeni/vypnout/", views.two_factor_disable, name="two_factor_disable"),
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
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
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
    path(
        "zapomenute-heslo/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_form.html",
            email_template_name="accounts/email_password_reset.txt",
            subject_template_name="accounts/email_password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "zapomenute-heslo/odeslano/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "nove-heslo/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_form.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "nove-heslo/hotovo/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

"""Strong passwords in the admin's forms; sessions that end."""

import time

from django.conf import settings
from django.contrib.auth.models import User
from wagtail.models import ModelLogEntry

from govportal.accounts.audit import LOGIN_TIME_KEY

from .conftest import PASSWORD, sign_in

WEAK = ["password123", "12345678901234", "chief", "short1!"]
STRONG = "violet tractor 58 hums"


def new_user_form(password: str) -> dict:
    return {
        "username": "newcomer",
        "email": "newcomer@example.uz",
        "first_name": "New",
        "last_name": "Comer",
        "password1": password,
        "password2": password,
    }


def test_weak_passwords_are_refused_when_an_administrator_adds_a_user(
    client, superuser
):
    client.force_login(superuser)
    for weak in WEAK:
        response = client.post("/admin/users/new/", new_user_form(weak))
        assert response.status_code == 200, weak
        assert response.context["form"].errors.get("password2"), weak
        assert not User.objects.filter(username="newcomer").exists()
    response = client.post("/admin/users/new/", new_user_form(STRONG))
    assert response.status_code == 302
    assert User.objects.get(username="newcomer").check_password(STRONG)


def test_weak_passwords_are_refused_when_a_user_changes_theirs(client, editor):
    client.force_login(editor)
    form = client.get("/admin/account/").context
    assert form is not None

    def change(new_password: str):
        return client.post(
            "/admin/account/",
            {
                "name_email-first_name": "Ed",
                "name_email-last_name": "Itor",
                "name_email-email": "editor@example.uz",
                "locale-preferred_language": "en",
                "locale-current_time_zone": "",
                "theme-theme": "system",
                "theme-density": "default",
                "theme-contrast": "system",
                "password-old_password": PASSWORD,
                "password-new_password1": new_password,
                "password-new_password2": new_password,
            },
        )

    for weak in WEAK:
        response = change(weak)
        assert response.status_code == 200, weak
        editor.refresh_from_db()
        assert editor.check_password(PASSWORD), weak
    response = change(STRONG)
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(STRONG)


def test_session_settings():
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_MAX_AGE == 8 * 3600


def test_the_admin_session_ends_with_the_browser(client, editor):
    response = sign_in(client, "editor")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]
    login_page = client.get("/admin/login/").content.decode()
    assert 'name="remember"' not in login_page


def test_sessions_end_at_the_maximum_age_however_active(client, editor):
    sign_in(client, "editor")
    assert client.get("/admin/").status_code == 200
    session = client.session
    signed_in = session[LOGIN_TIME_KEY]
    assert abs(signed_in - time.time()) < 60
    # Activity does not move the limit.
    client.get("/admin/pages/")
    assert client.session[LOGIN_TIME_KEY] == signed_in

    session[LOGIN_TIME_KEY] = int(time.time()) - settings.SESSION_MAX_AGE + 60
    session.save()
    assert client.get("/admin/").status_code == 200

    session = client.session
    session[LOGIN_TIME_KEY] = int(time.time()) - settings.SESSION_MAX_AGE - 1
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/pages/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    assert ModelLogEntry.objects.filter(
        object_id=str(editor.pk), action="accounts.session_expired"
    ).exists()


def test_public_pages_do_not_touch_the_session(client, demo):
    response = client.get("/uz/")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert settings.SESSION_COOKIE_NAME not in response.cookies

"""Login throttling, password rules, production settings."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet
from django.urls import reverse

from config.env import env
from rohnamo.core.tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, nigora):
    client.cookies["django_language"] = "ru"
    for _attempt in range(5):
        response = client.post(reverse("staff:login"), {"username": "nigora", "password": "wrong"})
    response = client.post(reverse("staff:login"), {"username": "nigora", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_a_wrong_password_is_explained_before_the_lock(client, nigora):
    client.cookies["django_language"] = "en"
    response = client.post(reverse("staff:login"), {"username": "nigora", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_a_short_new_password_is_refused(client, nigora):
    client.force_login(nigora)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("staff:password_change"),
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )
    assert "This password is too short" in response.content.decode()
    nigora.refresh_from_db()
    assert nigora.check_password(PASSWORD)


def test_staff_pages_require_a_login(client, db):
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def production_env(**extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment |= {"DEBUG": "0", "DJANGO_SETTINGS_MODULE": "config.settings"}
    return environment | extra


def manage(*args, environment):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_checklist_passes_in_production_mode(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("k" * 20 + "A1!b2@C3#d4$E5%f6^G7&h8*I9(j0)-L_m+N=o~" + "z" * 20)
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        environment=production_env(
            SECRET_KEY_FILE=str(secret),
            ALLOWED_HOSTS="rohnamo.example.org",
            ROHNAMO_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_an_encryption_key(tmp_path):
    result = manage(
        "check",
        environment=production_env(SECRET_KEY="x" * 60, ALLOWED_HOSTS="rohnamo.example.org"),
    )
    assert result.returncode != 0
    assert "ROHNAMO_ENCRYPTION_KEYS" in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", environment=production_env(ALLOWED_HOSTS="rohnamo.example.org"))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_checking_for_missing_migrations_needs_no_secret_key():
    result = manage("makemigrations", "--check", "--dry-run", environment=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_a_secret_is_read_from_its_file(tmp_path, monkeypatch):
    secret = tmp_path / "db-password"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("DB_PASSWORD_FILE", str(secret))
    assert env("DB_PASSWORD") == "s3cret"

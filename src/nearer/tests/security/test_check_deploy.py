"""Security test 11: ``nearer check --deploy`` passes with production settings."""

from __future__ import annotations

from nearer.tests.security.production import run_nearer


def test_check_deploy_passes_with_https() -> None:
    result = run_nearer(
        ["check", "--deploy", "--fail-level", "WARNING"],
        NEARER_HTTPS="1",
        NEARER_DEBUG="0",
        NEARER_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_check_deploy_passes_on_plain_http_for_a_home_server() -> None:
    result = run_nearer(["check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_loudly_with_debug_on() -> None:
    # The control: the check does look at these settings.
    result = run_nearer(
        ["check", "--deploy", "--fail-level", "WARNING"],
        NEARER_HTTPS="1",
        NEARER_DEBUG="1",
        NEARER_ALLOWED_HOSTS="example.org",
    )
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr

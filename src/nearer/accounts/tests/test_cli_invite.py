"""`nearer invite [--days N]`: prints a code once, keeps only its hash."""

from __future__ import annotations

import pytest
from django.utils import timezone

from nearer import cli
from nearer.accounts.invites import code_hash, signup_invite_take
from nearer.accounts.models import SignupInvite
from nearer.cli import main
from nearer.tests.security.production import run_nearer


@pytest.fixture(autouse=True)
def _set_up_already(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test's Django is set up; the command's own set-up (data directory, pepper
    # check) is what `nearer` does in a fresh process, tested below by running it.
    monkeypatch.setattr(cli, "_django_setup", lambda: None)


def test_it_prints_a_code_that_opens_one_sign_up(
    db: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["invite", "--days", "3"]) == 0
    out, err = capsys.readouterr()
    code = out.strip()
    assert len(code) == 23 and "not shown again" in err
    row = SignupInvite.objects.get()
    assert row.code_hash == code_hash(code)
    assert 2 < (row.expires_at - timezone.now()).total_seconds() / 86400 <= 3
    signup_invite_take(code=code)


@pytest.mark.parametrize("days", ["0", "91"])
def test_it_refuses_a_length_outside_the_range(
    db: None, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    assert main(["invite", "--days", days]) == 2
    assert "1 to 90 days" in capsys.readouterr().err
    assert not SignupInvite.objects.exists()


def test_it_runs_as_a_command_on_a_migrated_database(tmp_path: object) -> None:
    data = str(tmp_path)
    assert run_nearer(["migrate"], data_dir=data).returncode == 0
    result = run_nearer(["invite"], data_dir=data, NEARER_SIGNUP="invite")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip()) == 23
    assert "NEARER_SIGNUP" not in result.stderr
    other = run_nearer(["invite"], data_dir=data)
    assert "NEARER_SIGNUP is 'open'" in other.stderr

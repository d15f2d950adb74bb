"""The backup reader: any file is a BackupError with a sentence, or a backup that checks.

Hypothesis feeds it random bytes, zips of random members, and a real backup with
bytes changed, cut short or a member's JSON changed.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.backups.archive import (
    MANIFEST,
    BackupError,
    BackupReader,
    BackupWriter,
    Secrets,
    seal_secrets,
)

PASSPHRASE = "a passphrase for the reader tests"


def _fuzz(examples: int) -> settings:
    # tmp_path is one directory for every example: each writes its own file over it.
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


def _real_backup(path: Path) -> Path:
    """A small backup as `nearer backup` writes one (two tables of rows)."""
    writer = BackupWriter(path)
    secrets = seal_secrets(
        Secrets(secret_key="k" * 48, pepper="p" * 48), PASSPHRASE, writer.made_at
    )
    writer.table("notes.note", ["id", "text"], iter([[1, "first"], [2, {"b": "AAEC"}]]))
    writer.table("notes.tag", ["id"], iter([[7]]))
    writer.finish(database="sqlite", migrations=["notes.0001_initial"], secrets=secrets)
    return path


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return _real_backup(tmp_path_factory.mktemp("reader") / "real.backup").read_bytes()


def _read_whole(path: Path) -> None:
    reader = BackupReader(path)
    try:
        reader.check()
        reader.secrets(PASSPHRASE)
    finally:
        reader.close()


def test_a_real_backup_reads_whole(real: bytes, tmp_path: Path) -> None:
    path = tmp_path / "b"
    path.write_bytes(real)
    reader = BackupReader(path)
    reader.check()
    assert reader.secrets(PASSPHRASE) == Secrets(secret_key="k" * 48, pepper="p" * 48)
    assert list(reader.rows("notes.note")) == [[1, "first"], [2, {"b": "AAEC"}]]
    with pytest.raises(BackupError, match="does not open"):
        reader.secrets("another passphrase entirely")


def test_a_row_count_that_does_not_hold_is_refused(real: bytes, tmp_path: Path) -> None:
    original = zipfile.ZipFile(io.BytesIO(real))
    manifest = json.loads(original.read(MANIFEST))
    manifest["tables"]["notes.tag"]["rows"] = 2
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as changed:
        for name in original.namelist():
            data = json.dumps(manifest).encode() if name == MANIFEST else original.read(name)
            changed.writestr(name, data)
    path = tmp_path / "b"
    path.write_bytes(out.getvalue())
    with pytest.raises(BackupError, match="holds 1 rows, not 2"):
        BackupReader(path).check()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=4000))
def test_any_bytes_are_a_backup_error(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "any"
    path.write_bytes(data)
    with pytest.raises(BackupError):
        _read_whole(path)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    members=st.dictionaries(
        st.sampled_from([MANIFEST, "tables/notes.note.jsonl", "other"]),
        st.one_of(
            st.binary(max_size=300),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                lambda inner: (
                    st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4)
                ),
                max_leaves=20,
            ).map(lambda value: json.dumps(value).encode()),
        ),
        max_size=3,
    )
)
def test_any_zip_is_a_backup_error(members: dict[str, bytes], tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path = tmp_path / "zip"
    path.write_bytes(out.getvalue())
    with pytest.raises(BackupError):
        _read_whole(path)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(where=st.floats(min_value=0, max_value=1, exclude_max=True), flip=st.integers(1, 255))
def test_a_real_backup_with_a_byte_changed_is_refused_or_reads_the_same(
    real: bytes, where: float, flip: int, tmp_path: Path
) -> None:
    changed = bytearray(real)
    changed[int(where * len(real))] ^= flip
    path = tmp_path / "changed"
    path.write_bytes(bytes(changed))
    try:
        _read_whole(path)
    except BackupError:
        return
    # A change zip readers do not look at (a header's time, say): what it holds is intact.
    reader = BackupReader(path)
    assert list(reader.rows("notes.note")) == [[1, "first"], [2, {"b": "AAEC"}]]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(keep=st.floats(min_value=0, max_value=1, exclude_max=True))
def test_a_real_backup_cut_short_is_refused(real: bytes, keep: float, tmp_path: Path) -> None:
    path = tmp_path / "short"
    path.write_bytes(real[: int(keep * len(real))])
    with pytest.raises(BackupError):
        _read_whole(path)

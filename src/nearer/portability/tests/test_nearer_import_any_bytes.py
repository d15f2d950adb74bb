"""Property tests: whatever is uploaded as a Nearer export, a clear message or a correct
preview. Never a server error, and nothing saved before the import is confirmed.

Three kinds of input: any bytes; zips holding any bytes as nearer-export.json; and
real exports with one value somewhere replaced by any JSON value (the likeliest way
a file goes wrong: edited by hand, or written by another program).
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nearer.conftest import Person
from nearer.journal.models import Entry
from nearer.moments.models import Moment
from nearer.portability.models import PendingImport
from nearer.portability.nearer_import import (
    NotAnExport,
    import_apply,
    import_prepare,
    read_export,
    sort_document,
)
from nearer.portability.tests.own_export import full_export, json_of, upload

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def zipped(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("nearer-export.json", content)
    return out.getvalue()


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON value (dict keys and list positions)."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for position, inner in enumerate(value):
            found += paths(inner, (*prefix, position))
    return found


def replaced(doc: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    out = copy.deepcopy(doc)
    place = out
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = new
    return out


@pytest.fixture
def export_doc(alice: Person) -> dict[str, Any]:
    return json_of(full_export(alice))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.one_of(st.binary(max_size=600), st.binary(max_size=300).map(zipped)))
def test_any_bytes_are_a_clear_message(bob: Person, raw: bytes) -> None:
    with pytest.raises(NotAnExport) as refused:
        read_export(raw)
    assert str(refused.value).endswith((".", "first."))


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), new=JSON_VALUES)
def test_a_changed_export_is_a_clear_message_or_a_correct_preview(
    bob: Person, export_doc: dict[str, Any], data: st.DataObject, new: Any
) -> None:
    path = data.draw(st.sampled_from(paths(export_doc)))
    doc = replaced(export_doc, path, new)
    try:
        checked = read_export(json.dumps(doc).encode())
    except NotAnExport as exc:
        assert str(exc)
        return
    # Read: the preview's counts add up to what the file holds, and nothing is saved.
    sorted_doc = sort_document(user=bob.user, vault=bob.vault, doc=checked)
    assert sorted_doc["new"]["journal"] == len(checked["journal"])
    assert not Entry.objects.filter(owner=bob.user).exists()


def test_the_upload_page_never_fails_on_bad_bytes(bob: Person) -> None:
    for raw in (b"", b"PK\x03\x04" + b"\x00" * 40, zipped(b"\xff" * 10), zipped(b"[]"), b"null"):
        response = upload(bob, raw)
        assert response.status_code == 200
    assert not PendingImport.objects.exists()
    assert not Moment.objects.filter(owner=bob.user).exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), new=JSON_VALUES)
def test_a_changed_export_that_reads_is_added_whole_or_refused_whole(
    bob: Person, export_doc: dict[str, Any], data: st.DataObject, new: Any
) -> None:
    path = data.draw(st.sampled_from(paths(export_doc)))
    try:
        pending = import_prepare(
            user=bob.user, vault=bob.vault, raw=json.dumps(replaced(export_doc, path, new)).encode()
        )
    except NotAnExport:
        return
    try:
        with transaction.atomic():
            import_apply(user=bob.user, vault=bob.vault, import_id=pending.id)
            transaction.set_rollback(True)  # each example starts from an empty account
    except ValidationError:
        assert not Entry.objects.filter(owner=bob.user).exists()
        assert not Moment.objects.filter(owner=bob.user).exists()

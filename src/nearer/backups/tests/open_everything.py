"""Run as ``python -m nearer.backups.tests.open_everything USERNAME PASSWORD``.

Logs the account in through the login page (the password must open its vault),
then opens every sealed value it has by making its whole export, and prints the
export's JSON (without its own time) on one line, with the number of values that
did not open. Used by the backup tests to compare a Nearer before and after.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile


def main(username: str, password: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
    import django

    django.setup()
    from django.test import Client
    from django.utils import timezone

    from nearer.accounts.models import User
    from nearer.portability import export_data
    from nearer.portability.export_stream import ExportRequest, export_chunks
    from nearer.vault.box import Vault
    from nearer.vault.services import keyring_unlock

    client = Client(HTTP_HOST="localhost")
    answer = client.post("/accounts/login/", {"username": username, "password": password})
    assert answer.status_code == 302, f"login answered {answer.status_code}"
    assert client.get("/").status_code == 200
    user = User.objects.get(username=username)
    dek = keyring_unlock(user_id=user.pk, password=password)
    assert dek is not None
    vault = Vault(user_id=user.pk, dek=dek)
    made = b"".join(
        export_chunks(ExportRequest(user=user, vault=vault, exported_at=timezone.now()))
    )
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        document = json.loads(archive.read(export_data.JSON_NAME))
    document.pop("exported_at")
    print(json.dumps(document, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

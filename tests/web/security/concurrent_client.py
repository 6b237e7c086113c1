"""A browser stand-in for the concurrency test, run as its own process.

It logs in, says ``ready``, waits for ``go`` on stdin (the test has started an import in a
third process by then), fetches case pages, tries a second import, and prints what it
saw as one line of JSON. Usage: ``python -m tests.web.security.concurrent_client USER DIR``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(username: str, second_folder: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    import django

    django.setup()
    from django.test import Client

    from ramme.web.accounts.models import User
    from ramme.web.data.models import ActivityLine
    from ramme.web.data.services.import_lock import running_elsewhere
    from ramme.web.data.services.importer import import_folder

    client = Client()
    client.force_login(User.objects.get(username=username))
    line = ActivityLine.objects.get(name="Opholdssted")
    urls = ["/", "/prognose/indsats/M1/", f"/prognose/linje/{line.pk}/", "/handleplaner/"]
    client.get("/")  # the idle clock's cookie is set before the import starts
    print("ready", flush=True)
    sys.stdin.readline()
    during = running_elsewhere()
    # the second import first: it is refused at once, while the first surely still runs
    second = import_folder(Path(second_folder), username=username)
    pages = []
    for url in urls:
        started = time.monotonic()
        status = client.get(url, {"dato": "2024-12-31"}).status_code
        pages.append({"url": url, "status": status, "seconds": time.monotonic() - started})
    result = {
        "import_running_before": during,
        "import_running_after": running_elsewhere(),
        "pages": pages,
        "second_import": [str(e) for e in second.errors],
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

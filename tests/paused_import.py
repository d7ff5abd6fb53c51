"""An import that pauses after its first part, for the tests that kill it there (test support).

    python tests/paused_import.py DATA_DIR SURVEY FILE [--dry-run]

It runs the same service as `solidata import` (``file_import``) on a SQLite data directory, with a
progress callback that, once the first part is stored (its rows staged and committed, nothing
locked; in a dry run, counted), prints ``Import paused after N rows`` to stderr and sleeps. The
test then looks at the database, writes to it, or kills this process. Production code has no such
hook: the pause is this script's callback, a plain argument of the service.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

PAUSED = "Import paused after"


def pause(done: int, total: int) -> None:
    print(f"{PAUSED} {done} of {total} rows", file=sys.stderr, flush=True)
    time.sleep(3600)


def main(argv: list[str]) -> int:
    home, slug, path = Path(argv[0]), argv[1], Path(argv[2])
    from solidata.web import runtime

    runtime.configure(home)
    from solidata.web.imports.services import file_import
    from solidata.web.surveys.models import Survey

    survey = Survey.objects.get(slug=slug)
    file_import(survey=survey, path=path, dry_run="--dry-run" in argv[3:], store_progress=pause)
    print("the import finished without pausing", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Start-up of the site for the CLI: choose the data directory, migrate, load demo data, serve.

``configure()`` must run before anything touches Django settings.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

ADMIN_USERNAME = "admin"


def configure(data_dir: Path | None) -> Path:
    """Point Django at ``data_dir`` (or $SOLIDATA_HOME, or ./solidata-data) and set it up."""
    if data_dir is not None:
        os.environ["SOLIDATA_HOME"] = str(data_dir.expanduser().resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidata.web.settings")
    import django

    django.setup()
    from django.conf import settings

    home = Path(settings.HOME)
    home.mkdir(parents=True, exist_ok=True)
    return home


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def manage(argv: list[str]) -> None:
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


@dataclass
class DemoReport:
    home: Path
    organisations_created: int = 0
    organisations_total: int = 0
    admin_password: str | None = None
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"Data directory: {self.home}"]
        out.append(
            f"Synthetic demonstration data: {self.organisations_total} organisations "
            f"({self.organisations_created} new). They are invented, not real survey data."
        )
        out.extend(self.notes)
        if self.admin_password:
            out += [
                "",
                "An administrator account was created. This password is shown only once:",
                f"    user: {ADMIN_USERNAME}",
                f"    password: {self.admin_password}",
                "",
            ]
        else:
            out.append(
                f"Administrator account '{ADMIN_USERNAME}' exists already; its password is not "
                "shown again (reset it with: solidata manage changepassword admin)."
            )
        return out


def admin_account_ensure(username: str = ADMIN_USERNAME) -> str | None:
    """Create the local administrator with a new random password; returns it, or None if it exists.

    Only the hash is stored; the caller shows the password once.
    """
    from django.contrib.auth import get_user_model

    users = get_user_model()
    if users.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(username=username, email="", password=password)
    return password


def prepare_demo() -> DemoReport:
    """Migrate, then load reference and synthetic demo data; safe to run again."""
    from django.conf import settings

    from solidata.web.demo_data import demo_load

    migrate()
    report = DemoReport(home=Path(settings.HOME))
    result = demo_load()
    report.organisations_created = result.organisations_created
    report.organisations_total = result.organisations_total
    report.notes.extend(result.notes)
    report.admin_password = admin_account_ensure()
    return report


def serve(*, host: str, port: int) -> None:
    """Serve the site with waitress (a production-grade pure-Python WSGI server)."""
    from waitress import serve as waitress_serve

    from solidata.web.wsgi import application

    print(f"Serving Solidata at http://{host}:{port}/  (press Ctrl+C to stop)", flush=True)
    waitress_serve(application, host=host, port=port, threads=8, ident="solidata")

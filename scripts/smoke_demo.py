"""Smoke test of the README's first command: start `solidata demo` on a free port, fetch / in
English
and Mongolian, log in to the admin with the printed password, stop.

    python scripts/smoke_demo.py [--data-dir DIR]

Exit status 0 when every check passes. Used by .ci/run.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, lang: str) -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": lang})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200, f"{url} answered {response.status}"
        return str(response.read().decode("utf-8"))


def admin_login(base: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/admin/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the admin login page"
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": "admin",
            "password": password,
            "next": "/admin/registry/organisation/",
        }
    ).encode()
    request = urllib.request.Request(base + "/admin/login/", data=data, headers={"Referer": base})
    return str(opener.open(request, timeout=10).read().decode())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="solidata-smoke-")) / "data"
    port = free_port()
    solidata = str(Path(sys.executable).parent / "solidata")
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (read back while the server runs)
    proc = subprocess.Popen(
        [solidata, "demo", "--port", str(port), "--data-dir", str(data_dir)],
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                fetch(base + "/", "en")
                break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.5)
        log.seek(0)
        output = log.read()
        print(output)
        english = fetch(base + "/", "en")
        assert "Four principles" in english, "English home page lacks its text"
        mongolian = fetch(base + "/", "mn")
        assert "Дөрвөн зарчим" in mongolian, "Mongolian home page lacks its text"
        print(f"smoke: / answers 200 in English and Mongolian on port {port}")
        password = re.search(r"password: (\S+)", output)
        assert password, "the demo printed no admin password"
        listing = admin_login(base, password.group(1))
        assert "156 organisations" in listing, "admin does not list the 156 organisations"
        print("smoke: admin login with the printed password lists 156 organisations")
        return 0
    except AssertionError as error:
        print(f"smoke FAILED: {error}")
        return 1
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    sys.exit(main())

"""A real `solidata serve` on a loopback port, and a client that fills in self-assessments over
HTTP as a browser without JavaScript does, with the autosaves assess.js sends.

Only 127.0.0.1 is used. The client keeps its own cookies (one browser each), sends the CSRF token
as a form field, follows no redirects (it reads them) and retries a 503 after its Retry-After, as
assess.js does.
"""

from __future__ import annotations

import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from solidata.core.form import FilledForm, form_steps
from solidata.core.method import Method
from subprocesses import environment
from web.assessments.filling import step_answers

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@contextmanager
def served(home: Path, **env: str) -> Iterator[str]:
    """`solidata serve` on a free loopback port; yields its base URL, stops it after."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "solidata.cli", "serve", "--host", HOST, "--port", str(port),
         "--data-dir", str(home)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(**env),
    )  # fmt: skip
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                urllib.request.urlopen(base + "/", timeout=30).close()
                break
            except OSError:  # refused (not listening yet) or timed out
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Tally:
    """What the clients saw: statuses, 503 retries, finished forms (their private tokens)."""

    statuses: Counter[int] = field(default_factory=Counter)
    retries: int = 0
    receipts: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Browser:
    """One person's browser, without JavaScript but with assess.js's autosaves."""

    def __init__(self, base: str, tally: Tally) -> None:
        self.base = base
        self.tally = tally
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def _csrf(self) -> str:
        return next((c.value or "" for c in self.cookies if c.name == "csrftoken"), "")

    def request(
        self,
        path: str,
        data: dict[str, str | list[str]] | None = None,
        *,
        json: bool = False,
        retry: bool = True,
    ) -> Reply:
        """GET (or POST ``data``) ``path``; a 503 is retried after its Retry-After unless
        ``retry`` is off."""
        for _attempt in range(20):
            body = None
            if data is not None:
                fields = {**data, "csrfmiddlewaretoken": self._csrf()}
                body = urllib.parse.urlencode(fields, doseq=True).encode()
            request = urllib.request.Request(self.base + path, data=body)
            if json:
                request.add_header("Accept", "application/json")
            try:
                with self.opener.open(request, timeout=120) as response:
                    reply = Reply(response.status, dict(response.headers), response.read().decode())
            except urllib.error.HTTPError as error:
                reply = Reply(error.code, dict(error.headers), error.read().decode())
            self.tally.statuses[reply.status] += 1
            if reply.status != 503 or not retry:
                return reply
            self.tally.retries += 1
            time.sleep(float(reply.headers.get("Retry-After", "1")))
        return reply

    def assess(self, survey: int, plan: list[tuple[int, dict[str, str | list[str]]]]) -> str:
        """Start, fill in (autosave, then next, each step) and submit one assessment; returns its
        private token once the result page is reached."""
        self.request("/assess/")
        started = self.request("/assess/", {"survey": str(survey)})
        assert started.status == 303, (started.status, started.body[:300])
        token = started.headers["Location"].split("/")[2]
        for number, values in plan:
            saved = self.request(f"/assess/{token}/step/{number}/save/", values, json=True)
            assert saved.status == 200, (number, saved.status, saved.body[:300])
            posted = self.request(f"/assess/{token}/step/{number}/", {**values, "action": "next"})
            if posted.status == 200:  # questions appeared: a person looks, then goes on
                posted = self.request(
                    f"/assess/{token}/step/{number}/", {**values, "action": "next"}
                )
            assert posted.status == 303, (number, posted.status, posted.body[:300])
        check = self.request(f"/assess/{token}/check/")
        key = re.search(r'name="idempotency_key" value="([^"]+)"', check.body)
        submitted = self.request(
            f"/assess/{token}/check/",
            {"idempotency_key": key.group(1) if key else str(uuid.uuid4())},
        )
        assert submitted.status == 303 and "/result/" in submitted.headers["Location"], (
            submitted.status, submitted.body[:300],
        )  # fmt: skip
        return token


def fill_plan(method: Method) -> list[tuple[int, dict[str, str | list[str]]]]:
    """The steps a person fills in, in order, with valid answers (a select_multiple posts one value
    per box ticked, as a browser does)."""
    answers: dict[str, str] = {}
    plan = []
    for step in form_steps(method):
        if not FilledForm(method, answers).step_is_relevant(step):
            continue
        values = step_answers(method, step, answers)
        answers.update(values)
        posted: dict[str, str | list[str]] = {}
        for name, value in values.items():
            question = method.question(name)
            multiple = question is not None and question.type == "select_multiple"
            posted[name] = value.split() if multiple else value
        plan.append((step.number, posted))
    return plan

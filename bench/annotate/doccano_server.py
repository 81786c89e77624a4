"""A real doccano 1.8.4 server for annotating and for the integration tests.

doccano needs pydantic 2 and doccano-client pydantic 1, so the server lives in its own virtual
environment (``.venv-doccano``, pinned by ``requirements-doccano.lock``). ``DoccanoServer``
installs it when missing, initialises a database in a home directory, creates the admin user,
starts the web server (gunicorn) and the task worker (celery, needed for exports) bound to
127.0.0.1 on a free port, waits until it answers, and stops both on exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV = REPO / ".venv-doccano"
LOCK = REPO / "requirements-doccano.lock"


CREATE_ADMIN = """
import os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
from django.contrib.auth import get_user_model
user, _ = get_user_model().objects.get_or_create(username=os.environ["BENCH_ADMIN"])
user.is_superuser = user.is_staff = True
user.set_password(sys.stdin.read())
user.save()
"""


class ServerError(Exception):
    """The server could not be installed or started; the message includes the relevant log."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install(venv: Path = VENV, lock: Path = LOCK, python: str | None = None) -> Path:
    """Create the server's venv from the lock file once; returns its bin directory."""
    stamp = venv / ".installed"
    if stamp.exists() and stamp.read_text() == lock.read_text():
        return venv / "bin"
    python = python or _python311()
    steps = [
        [python, "-m", "venv", str(venv)],
        [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", "-r", str(lock)],
    ]
    for cmd in steps:
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(
                f"installing doccano failed: {' '.join(cmd)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
            )
    stamp.write_text(lock.read_text())
    return venv / "bin"


def _python311() -> str:
    for name in ("python3.11", "python3"):
        for folder in os.environ.get("PATH", "").split(os.pathsep):
            if (Path(folder) / name).exists():
                return str(Path(folder) / name)
    return sys.executable


class DoccanoServer:
    def __init__(self, home: Path, username: str, password: str, port: int | None = None, venv: Path = VENV):
        self.home = Path(home)
        self.username = username
        self._password = password
        self.port = port or free_port()
        self.venv = venv
        self.procs: list[subprocess.Popen] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCCANO_", "PYTHON", "VIRTUAL_ENV"))}
        env.update(
            {
                "DOCCANO_HOME": str(self.home),
                "DATABASE_URL": f"sqlite:///{self.home / 'db.sqlite3'}",
                "MEDIA_ROOT": str(self.home / "media"),
                "STANDALONE": "True",
                "DEBUG": "False",
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
            }
        )
        return env

    def _run(self, *args: str) -> None:
        bin_dir = self.venv / "bin"
        done = subprocess.run([str(bin_dir / "doccano"), *args], env=self._env(), capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(f"doccano {args[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")

    def _create_admin(self, bin_dir: Path, backend: str) -> None:
        # The password goes in on stdin, never in argv (visible to every process) or a file.
        env = {**self._env(), "BENCH_ADMIN": self.username}
        done = subprocess.run(
            [str(bin_dir / "python"), "-c", CREATE_ADMIN],
            input=self._password,
            cwd=backend,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise ServerError(f"creating the doccano admin user failed:\n{done.stderr[-3000:]}")

    def start(self, timeout: float = 180) -> DoccanoServer:
        bin_dir = install(self.venv)
        self.home.mkdir(parents=True, exist_ok=True)
        backend = subprocess.run(
            [str(bin_dir / "python"), "-c", "import backend, os; print(os.path.dirname(backend.__file__))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not (self.home / "db.sqlite3").exists():
            self._run("init")
        self._create_admin(bin_dir, backend)
        # The logs outlive this method: the servers write to them until stop() closes them.
        web_log = open(self.home / "webserver.log", "ab")  # noqa: SIM115
        task_log = open(self.home / "task.log", "ab")  # noqa: SIM115
        self._logs = [web_log, task_log]
        self.procs.append(
            subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "--workers",
                    "2",
                    "--chdir",
                    backend,
                    "--capture-output",
                    "--log-level",
                    "warning",
                    "config.wsgi",
                ],
                env=self._env(),
                stdout=web_log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        self.procs.append(
            subprocess.Popen(
                [
                    str(bin_dir / "celery"),
                    "--app=config",
                    f"--workdir={backend}",
                    "worker",
                    "--loglevel=warning",
                    "--concurrency=1",
                    "--pool=solo",
                ],
                cwd=backend,
                env=self._env(),
                stdout=task_log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        self._wait(timeout)
        return self

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for proc in self.procs:
                if proc.poll() is not None:
                    self.stop()
                    raise ServerError(f"doccano exited early (code {proc.returncode}):\n{self.logs()}")
            try:
                with urllib.request.urlopen(f"{self.url}/v1/health/", timeout=5) as response:
                    if response.status == 200:
                        return
            except urllib.error.HTTPError as err:
                if err.code in (401, 403, 404):
                    return  # the web app answers; the health page may need a login
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        self.stop()
        raise ServerError(f"doccano did not answer at {self.url} within {timeout:.0f} s:\n{self.logs()}")

    def logs(self, tail: int = 4000) -> str:
        out = []
        for name in ("webserver.log", "task.log"):
            path = self.home / name
            if path.exists():
                out.append(f"--- {path} ---\n" + path.read_text(errors="replace")[-tail:])
        return "\n".join(out)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = []
        for log in getattr(self, "_logs", []):
            log.close()
        self._logs = []

    def __enter__(self) -> DoccanoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

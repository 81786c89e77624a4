"""A real doccano 1.8.4 server for annotating and for the integration tests.

doccano needs pydantic 2 and doccano-client pydantic 1, so the server lives in its own virtual
environment (``.venv-doccano``, pinned by ``requirements-doccano.lock``). ``DoccanoServer``
installs it when missing, initialises a database in a home directory, creates the admin user,
starts the web server (gunicorn) and the task worker (celery, needed for exports) bound to
127.0.0.1 (or ``host``) on a free port, waits until it answers, and stops both on exit.

The home directory is the server's memory: database, uploads, logs and a secret key generated
on first start (doccano otherwise signs sessions with the key published in its source). It is
made private (0700, files 0600) and locked while a server runs, so two servers never share one
database. ``bench doccano serve`` keeps it in ``.doccano/`` at the repository root by default.
"""

from __future__ import annotations

import contextlib
import fcntl
import ipaddress
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parents[2]
VENV = REPO / ".venv-doccano"
LOCK = REPO / "requirements-doccano.lock"
DEFAULT_HOME = REPO / ".doccano"
SECRET_FILE = "secret_key"
PRIVATE = 0o077  # the umask of everything the server writes: readable by its owner only


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


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds; TIME_WAIT is not busy
        try:
            s.bind((host, port))
        except OSError:
            return False
    # Something may listen on the wildcard address or only on another interface: try a connection too.
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1" if host in ("0.0.0.0", "") else host, port)) != 0


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(host: str) -> str:
    """``host`` if this machine can bind it, else a ServerError."""
    try:
        with socket.socket() as s:
            s.bind((host, 0))
    except (OSError, UnicodeError) as err:
        raise ServerError(f"cannot listen on host {host!r}: {getattr(err, 'strerror', None) or err}") from None
    return host


def prepare_home(home: Path) -> Path:
    """Create (or tighten) the private data directory; returns it resolved."""
    home = Path(home).expanduser()
    if home.exists() and not home.is_dir():
        raise ServerError(f"{home} is not a directory: give --home a directory for doccano's data")
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(home, 0o700)
    except OSError as err:
        raise ServerError(f"cannot use {home} for doccano's data: {err.strerror or err}") from None
    return home.resolve()


def secret_key(home: Path) -> str:
    """The server's secret key, generated once and kept in ``home`` (mode 0600)."""
    path = home / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        os.chmod(path, 0o600)
        key = path.read_text(encoding="ascii").strip()
        if len(key) < 40:
            raise ServerError(f"{path} holds no usable secret key; delete it to have a new one generated") from None
        return key
    key = secrets.token_urlsafe(50)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key


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


def _private_log(path: Path) -> IO[bytes]:
    return open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")


class DoccanoServer:
    def __init__(
        self,
        home: Path,
        username: str,
        password: str,
        port: int | None = None,
        venv: Path = VENV,
        host: str = "127.0.0.1",
    ):
        self.home = Path(home)
        self.username = username
        self._password = password
        self.host = host
        self.port = port
        self.venv = venv
        self.procs: list[subprocess.Popen] = []
        self._lock: IO[str] | None = None
        self._secret = ""

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        shown = f"[{shown}]" if ":" in shown else shown
        return f"http://{shown}:{self.port}"

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCCANO_", "PYTHON", "VIRTUAL_ENV"))}
        env.update(
            {
                "SECRET_KEY": self._secret,
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
        done = subprocess.run(
            [str(bin_dir / "doccano"), *args], env=self._env(), capture_output=True, text=True, umask=PRIVATE
        )
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
            umask=PRIVATE,
        )
        if done.returncode != 0:
            raise ServerError(f"creating the doccano admin user failed:\n{done.stderr[-3000:]}")

    def _take_home(self) -> None:
        self.home = prepare_home(self.home)
        lock = open(self.home / "server.lock", "w")  # noqa: SIM115 (held until stop())
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            raise ServerError(f"another doccano server is already running with its data in {self.home}") from None
        lock.write(str(os.getpid()))
        lock.flush()
        self._lock = lock
        self._secret = secret_key(self.home)

    def start(self, timeout: float = 180) -> DoccanoServer:
        check_host(self.host)
        if self.port is None:
            self.port = free_port(self.host)
        elif not port_is_free(self.host, self.port):
            raise ServerError(
                f"port {self.port} on {self.host} is in use by another process: "
                "choose another --port, or leave it out for a free one"
            )
        bin_dir = install(self.venv)
        self._take_home()
        try:
            self._start(bin_dir, timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, bin_dir: Path, timeout: float) -> None:
        backend = subprocess.run(
            [str(bin_dir / "python"), "-c", "import backend, os; print(os.path.dirname(backend.__file__))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not (self.home / "db.sqlite3").exists():
            self._run("init")
        for name in ("db.sqlite3", "webserver.log", "task.log"):
            with contextlib.suppress(FileNotFoundError):
                os.chmod(self.home / name, 0o600)  # files written before the home was private
        self._create_admin(bin_dir, backend)
        # The logs outlive this method: the servers write to them until stop() closes them.
        web_log, task_log = _private_log(self.home / "webserver.log"), _private_log(self.home / "task.log")
        self._logs = [web_log, task_log]
        self.procs.append(
            subprocess.Popen(
                [
                    str(bin_dir / "gunicorn"),
                    "--bind",
                    f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}",
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
                umask=PRIVATE,
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
                umask=PRIVATE,
            )
        )
        self._wait(timeout)

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
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = []
        for log in getattr(self, "_logs", []):
            log.close()
        self._logs = []
        if self._lock is not None:
            self._lock.close()  # releases the lock
            self._lock = None

    def alive(self) -> bool:
        return bool(self.procs) and all(p.poll() is None for p in self.procs)

    def __enter__(self) -> DoccanoServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Stop(Exception):
    """A signal asked the server to stop."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def run_until_stopped(server: DoccanoServer, on_ready: Callable[[], None] = lambda: None) -> str | None:
    """Start ``server`` and keep it until SIGINT, SIGTERM or SIGHUP; then stop its process groups.

    Returns the name of the signal that stopped it, or None when the server died by itself (its
    log then says why). Whatever happens, gunicorn and celery are not left running.
    """

    def stop(signum, _frame):
        raise Stop(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        server.start()
        on_ready()
        while server.alive():
            time.sleep(0.5)
        return None
    except Stop as err:
        return str(err)
    finally:
        # The signals stay caught until both process groups are gone: a second Ctrl-C must not
        # interrupt the clean-up and leave them running.
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)

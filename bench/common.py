"""Shared pieces of the benchmarks: a PostgreSQL bench database, gunicorn on loopback and a load generator.

Benchmarks are not timed tests. Each one measures the baseline view (one indexed query and a small
template, /bench/baseline/) in the same run and reports ratios, because absolute figures on a shared 2-core
machine move by 10-25% between runs (docs/performance.md).
"""

from __future__ import annotations

import contextlib
import http.client
import multiprocessing
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASELINE_PATH = "/bench/baseline/"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
BENCH_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "BENCHMARK_VIEWS": "1",
    "CELERY_BROKER_URL": os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/9"),
    # The shared cache production uses (training.checks W001): a per-process cache would flatter the
    # figures, and with two gunicorn workers it would serve pages another worker's edit has changed.
    "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/12"),
    "ACCOUNT_EMAIL_VERIFICATION": "optional",
    "EMAIL_URL": "dummymail://",
    "LOG_LEVEL": "WARNING",
    "DJANGO_SETTINGS_MODULE": "training.settings",
    # Collected files for gunicorn go here, not to var/static, which the test run's static serving reads:
    # stale copies there broke the browser tests after a benchmark.
    "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
}


def database_url(name: str) -> str:
    return f"{PG_SERVER}/{name}"


def bench_env(name: str, **extra: str) -> dict[str, str]:
    return {**os.environ, **BENCH_ENV, "DATABASE_URL": database_url(name), **extra}


def setup_database(name: str, *, fresh: bool = True) -> dict[str, str]:
    """Create (or recreate) the PostgreSQL database `name`, migrate it and collect static files."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    env = bench_env(name)
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    return env


def django_setup(name: str) -> None:
    """Point this process's Django at the bench database (to create data with the ORM)."""
    os.environ.update(bench_env(name))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(port: int | None = None, workers: int = 2, env: dict[str, str] | None = None):
    """Run gunicorn (sync workers) on loopback; yields the base URL and stops the server afterwards."""
    port = port or free_port()
    command = [
        PYTHON, "-m", "gunicorn", "training.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
        "--no-control-socket", "--log-level", "warning", "--keep-alive", "5",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env or {**os.environ, **BENCH_ENV}, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        base = f"http://127.0.0.1:{port}"
        wait_ok(base + BASELINE_PATH)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_ok(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            status, _, _ = request(url)
            if status < 500:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def request(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    conn.request(method, path, body=data, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    result = (response.status, dict(response.getheaders()), body)
    conn.close()
    return result


def login_headers(base: str, email: str, password: str) -> dict[str, str]:
    """Sign in through allauth and return headers (session cookie, CSRF) for authenticated requests."""
    status, headers, body = request(base + "/accounts/login/")
    csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    form = f"login={email}&password={password}&csrfmiddlewaretoken={token}".encode()
    status, headers, body = request(
        base + "/accounts/login/",
        "POST",
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}"},
    )
    session = re.search(r"sessionid=([^;]+)", headers.get("Set-Cookie", ""))
    if status != 302 or not session:
        raise RuntimeError(f"login failed for {email}: {status}")
    return {"Cookie": f"csrftoken={csrf_cookie}; sessionid={session.group(1)}", "X-CSRFToken": csrf_cookie}


@dataclass
class Result:
    rps: float
    p95_ms: float
    p50_ms: float
    errors: int
    n: int

    def __str__(self) -> str:
        return (
            f"{self.rps:8.1f} req/s p50 {self.p50_ms:6.1f} ms p95 {self.p95_ms:6.1f} ms errors {self.errors}"
        )


def _client_process(url, method, data, headers, threads, seconds, queue):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    stop_at = time.monotonic() + seconds
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, bad = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                conn.request(method, path, body=data, headers=headers or {})
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    bad += 1
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
                    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    queue.put((latencies, errors[0]))


def load(
    url: str,
    clients: int = 20,
    seconds: float = 20,
    method: str = "GET",
    data: bytes | None = None,
    headers: dict | None = None,
    processes: int = 2,
) -> Result:
    """`clients` concurrent keep-alive clients for `seconds`, spread over `processes` OS processes."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    per = [clients // processes + (1 if i < clients % processes else 0) for i in range(processes)]
    procs = [
        multiprocessing.Process(target=_client_process, args=(url, method, data, headers, n, seconds, queue))
        for n in per
        if n
    ]
    started = time.perf_counter()
    for proc in procs:
        proc.start()
    latencies: list[float] = []
    errors = 0
    for _ in procs:
        got, bad = queue.get()
        latencies.extend(got)
        errors += bad
    for proc in procs:
        proc.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    p50 = statistics.median(latencies) if latencies else float("nan")
    return Result(len(latencies) / elapsed, p95 * 1000, p50 * 1000, errors, len(latencies))


def compare(
    name: str, result: Result, baseline: Result, rps_target: float = 0.5, p95_target: float = 2.0
) -> bool:
    rps_ratio = result.rps / baseline.rps if baseline.rps else 0.0
    p95_ratio = result.p95_ms / baseline.p95_ms if baseline.p95_ms else float("inf")
    ok = rps_ratio >= rps_target and p95_ratio <= p95_target and result.errors == 0
    print(
        f"  {name:<28} {result}\n"
        f"  {'':<28} ratio to baseline: req/s {rps_ratio:.2f} (target >= {rps_target}), "
        f"p95 {p95_ratio:.2f} (target <= {p95_target})  {'OK' if ok else 'MISSED'}"
    )
    return ok

"""A fresh PostgreSQL schema per test, on the server named by TEST_DATABASE_URL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

import pytest

DEFAULT_URL = "postgresql://postgres@127.0.0.1:54329/postgres"  # the server .ci/run starts


@contextmanager
def postgres_url() -> Iterator[str]:
    """A URL whose search_path is a new, empty schema, dropped afterwards; skips the test
    when no server is reachable."""
    psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")
    url = os.environ.get("TEST_DATABASE_URL", DEFAULT_URL)
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        pytest.skip(f"no PostgreSQL server at {url} ({str(exc).strip().splitlines()[0]}); "
                    ".ci/run starts one")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-c search_path={schema}')}"
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()

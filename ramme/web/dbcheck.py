"""``python -m ramme.web.dbcheck URL``: exit 0 if that PostgreSQL server answers."""

from __future__ import annotations

import sys


def reachable(url: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as conn:
            conn.execute("select 1")
        return True
    except Exception:
        return False


if __name__ == "__main__":
    sys.exit(0 if reachable(sys.argv[1]) else 1)

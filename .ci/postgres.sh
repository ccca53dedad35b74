#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the storage tests (sourced by .ci/run).
# Installs Debian's `postgresql` package only if no server binaries are present.
# Exports TEST_DATABASE_URL; the server and its folder go when the calling shell exits.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG_PORT=${PG_PORT:-54329}
PG_DATA=$(mktemp -d /tmp/sistercity-pg.XXXXXX)
chown postgres "$PG_DATA"
runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA" start >/dev/null
trap 'runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null; rm -rf "$PG_DATA"' EXIT
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"

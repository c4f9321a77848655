#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL 15 cluster for the storage tests; installs nothing.
#   .ci/postgres.sh         start on 127.0.0.1:54329 (idempotent) and print the SQLAlchemy URL
#   .ci/postgres.sh stop    stop it and remove its data directory
set -euo pipefail

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PGDATA=${WAYPOINT_PGDATA:-/tmp/wp-pg}
PGPORT=${WAYPOINT_PGPORT:-54329}
URL="postgresql+psycopg://postgres@127.0.0.1:${PGPORT}/waypoint"

if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
    echo "postgres.sh: PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
    exit 1
fi

# As root, run the server as the postgres user; as anyone else, as yourself.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
    [ -f "$PGDATA/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

if [ "${1:-start}" = stop ]; then
    if running; then as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null; fi
    rm -rf "$PGDATA"
    exit 0
fi

if ! running; then
    rm -rf "$PGDATA"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres "$PGDATA"; else install -d "$PGDATA"; fi
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off" start >/dev/null
fi
if ! as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'waypoint'" postgres | grep -q 1; then
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres waypoint
fi
echo "$URL"

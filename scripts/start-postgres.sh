#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store tests and prints the PG_URL to use:
#   eval "$(bash scripts/start-postgres.sh)"   # sets PG_URL, then: npm test -- store/postgres
# The cluster lives under $DOSSIER_PG_DIR (default /tmp/dossier-pg), listens on a unix socket there only
# (no TCP port to collide with), trusts local connections and runs with fsync off: test data only.
# Idempotent: a second run reuses the cluster and the database. Stop it with
#   pg_ctl -D /tmp/dossier-pg/data stop   (as the user printed on stderr)
# Needs Debian's postgresql package (scripts/setup-services.sh installs it); exits 1 when it is missing.
set -euo pipefail
DIR="${DOSSIER_PG_DIR:-/tmp/dossier-pg}"
PORT="${DOSSIER_PG_PORT:-5433}"
DB="${DOSSIER_PG_DB:-dossier}"
ROLE=dossier

BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "start-postgres: no PostgreSQL server found under /usr/lib/postgresql (run scripts/setup-services.sh)" >&2
  exit 1
fi

# The server refuses to run as root: as root, run it as the postgres system user.
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u "$OWNER" -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR"
chmod 700 "$DIR"

if [ ! -s "$DIR/data/PG_VERSION" ]; then
  as_owner "$BIN/initdb" -D "$DIR/data" -U "$ROLE" --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || as_owner "$BIN/initdb" -D "$DIR/data" -U "$ROLE" --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
    || { echo "start-postgres: initdb failed, see $DIR/initdb.log" >&2; exit 1; }
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-k $DIR -p $PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { echo "start-postgres: server did not start, see $DIR/server.log" >&2; exit 1; }
fi

if [ "$(as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U "$ROLE" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  as_owner "$BIN/createdb" -h "$DIR" -p "$PORT" -U "$ROLE" "$DB"
fi

echo "start-postgres: running as $OWNER, data in $DIR/data, log $DIR/server.log" >&2
echo "export PG_URL='postgresql://$ROLE@localhost:$PORT/$DB?host=$DIR'"

#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: TEST_DATABASE_URL points at it.
# Uses the system server (Debian's postgresql package), installing it when missing. As root it
# runs the server as the "postgres" user, because PostgreSQL refuses to run as root.
# Usage: scripts/with-pg.sh <command> [args...]
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PGBIN=$(find_bin || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "[with-pg] installing PostgreSQL (Debian package)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PGBIN=$(find_bin)
fi

as_pg() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PGTMP=$(mktemp -d /tmp/bt-pg.XXXXXX)
chmod 755 "$PGTMP"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$PGTMP"
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop_pg EXIT

as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null 2>&1 || { tail -n 30 "$PGTMP/server.log"; exit 1; }
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres backtrack_test
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres backtrack_e2e

# Database tests make a fresh database per file through this one; the e2e app gets its own.
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/backtrack_test"
export E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/backtrack_e2e"
echo "[with-pg] PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PORT"
set +e
"$@"
status=$?
set -e
[ $status -ne 0 ] && [ -f "$PGTMP/server.log" ] && { echo "[with-pg] server log (tail):"; tail -n 15 "$PGTMP/server.log"; }
exit $status

#!/usr/bin/env bash
# npm run bench:intakes — POST /api/v1/intakes under load against `next start` on PostgreSQL.
# Starts a throwaway PostgreSQL (scripts/with-pg.sh), builds when needed, raises the rate limit
# for the run, and prints requests/s and p50/p95/p99 latency at 50 connections.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -f .next/BUILD_ID ] || npx next build >/dev/null
exec bash scripts/with-pg.sh bash -c '
  DATABASE_URL=$E2E_DATABASE_URL NODE_ENV=production APP_URL=http://127.0.0.1:3199 LOCAL_ONLY=true AUTH_SECRET=bench-secret-bench-secret-bench-secret-01 \
    RATE_LIMIT_INTAKES_PER_MINUTE=1000000 node_modules/.bin/next start -p 3199 -H 127.0.0.1 > /tmp/bt-bench-server.log 2>&1 &
  server=$!
  trap "kill $server 2>/dev/null" EXIT
  for i in $(seq 1 60); do curl -sf http://127.0.0.1:3199/api/health >/dev/null && break; sleep 0.5; done
  node scripts/bench-intakes.mjs http://127.0.0.1:3199 5 3 >/dev/null  # warm up
  node scripts/bench-intakes.mjs http://127.0.0.1:3199 "${CONNECTIONS:-50}" "${SECONDS_:-20}"
'

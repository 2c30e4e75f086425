#!/usr/bin/env bash
# npm run bench:dashboard — see scripts/bench-dashboard.ts. Builds when needed; uses a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# The script records its `next start` process group here; whatever happens, it does not outlive us.
export BENCH_DASHBOARD_PIDFILE="${TMPDIR:-/tmp}/bt-bench-dashboard-server.$$.pid"
cleanup() {
  if [ -s "$BENCH_DASHBOARD_PIDFILE" ]; then
    pgid=$(cat "$BENCH_DASHBOARD_PIDFILE")
    kill -TERM -- "-$pgid" 2>/dev/null || true
  fi
  rm -f "$BENCH_DASHBOARD_PIDFILE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Build when there is no build, or when the app changed since (a stale build measures old code).
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app lib db emails auth.ts proxy.ts instrumentation.ts next.config.ts -newer .next/BUILD_ID -type f 2>/dev/null | head -n 1)" ]; then
  npx next build >/dev/null
fi
bash scripts/with-pg.sh npx tsx scripts/bench-dashboard.ts

#!/usr/bin/env bash
# npm run bench:slots — see scripts/bench-slots.ts. Builds when needed; uses a throwaway PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
[ -f .next/BUILD_ID ] || npx next build >/dev/null
exec bash scripts/with-pg.sh npx tsx scripts/bench-slots.ts

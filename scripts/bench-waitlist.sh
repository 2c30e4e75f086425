#!/usr/bin/env bash
# npm run bench:waitlist — see scripts/bench-waitlist.ts. Uses a throwaway PostgreSQL (two worker
# processes need a database both can open, so not the embedded one).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/with-pg.sh npx tsx scripts/bench-waitlist.ts

#!/usr/bin/env bash
# npm run bench:outbox — see scripts/bench-outbox.ts. Uses a throwaway PostgreSQL (two worker
# processes need a database both can open, so not the embedded one).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/with-pg.sh npx tsx scripts/bench-outbox.ts

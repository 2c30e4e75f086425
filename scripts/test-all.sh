#!/usr/bin/env bash
# npm test: lint, typecheck, unit, database and end-to-end suites. Every suite runs even when an
# earlier one fails; the last line sums them up as "N passed, N failed, N skipped".
# Database tests also run on PostgreSQL when TEST_DATABASE_URL is set, and the end-to-end suite
# runs a second time against PostgreSQL when E2E_DATABASE_URL is set (scripts/with-pg.sh sets both).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
REPORTS=$(mktemp -d)
trap 'rm -rf "$REPORTS"' EXIT
: > "$REPORTS/summary"

record() { echo "$1 $2 $3 $4" >> "$REPORTS/summary"; } # suite passed failed skipped

check() { # a single pass/fail step
  local name=$1; shift
  echo "── $name: $*"
  if "$@"; then record "$name" 1 0 0; else record "$name" 0 1 0; fi
}

vitest_suite() {
  local name=$1 out="$REPORTS/$1.json"
  echo "── $name tests"
  npx vitest run --project "$name" --reporter=default --reporter=json --outputFile.json="$out"
  local status=$?
  if [ -f "$out" ]; then
    node -e 'const r=require(process.argv[1]);console.log([r.numPassedTests,r.numFailedTests+(r.numRuntimeErrorTests??0),r.numPendingTests+r.numTodoTests].join(" "))' "$out" |
      { read -r p f s; [ $status -ne 0 ] && [ "$f" = 0 ] && f=1; record "$name" "$p" "$f" "$s"; }
  else
    record "$name" 0 1 0
  fi
}

e2e_suite() {
  local name=$1 out="$REPORTS/$1.json"
  echo "── $name tests"
  PLAYWRIGHT_JSON_OUTPUT_FILE="$out" npx playwright test --reporter=list,json
  local status=$?
  if [ -f "$out" ]; then
    node -e 'const s=require(process.argv[1]).stats;console.log([s.expected+s.flaky,s.unexpected,s.skipped].join(" "))' "$out" |
      { read -r p f s; [ $status -ne 0 ] && [ "$f" = 0 ] && f=1; record "$name" "$p" "$f" "$s"; }
  else
    record "$name" 0 1 0
  fi
}

# The type check runs beside the lint (each mostly uses one core); its output follows the lint's.
npx tsc --noEmit > "$REPORTS/typecheck.log" 2>&1 &
typecheck_pid=$!
check lint npm run --silent lint
echo "── typecheck: npx tsc --noEmit"
if wait "$typecheck_pid"; then record typecheck 1 0 0; else record typecheck 0 1 0; fi
cat "$REPORTS/typecheck.log"
vitest_suite unit
vitest_suite db

if [ -z "${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ] && [ ! -x /usr/bin/chromium ] && [ -z "${CI:-}" ]; then
  echo "── no Chromium found: installing Playwright's own"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD= npx playwright install chromium
fi
# A passing type check above covers the build's own (next.config.ts): it is not run twice.
if grep -q "^typecheck 1 " "$REPORTS/summary"; then
  check build env BT_TYPES_CHECKED=1 npx next build
else
  check build npx next build
fi
if grep -q "^build 1 " "$REPORTS/summary"; then
  E2E_DATABASE_URL= e2e_suite e2e
  [ -n "${E2E_DATABASE_URL:-}" ] && E2E_PORT=3117 e2e_suite e2e-postgres
else
  record e2e 0 1 0
fi

echo
echo "Suites:"
awk '{ printf "  %-14s %4d passed, %d failed, %d skipped\n", $1, $2, $3, $4 }' "$REPORTS/summary"
read -r passed failed skipped < <(awk '{ p += $2; f += $3; s += $4 } END { print p+0, f+0, s+0 }' "$REPORTS/summary")
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

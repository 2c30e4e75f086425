#!/usr/bin/env bash
# Lighthouse (mobile) on a running server's intake page: accessibility, performance, best practices.
# Usage: bash scripts/lighthouse.sh http://127.0.0.1:3000/intake/about-you
# Lighthouse is fetched with npx (12.x: 13 needs Node 22), not installed with the app.
set -euo pipefail
url=${1:-http://127.0.0.1:3000/intake/about-you}
out=$(mktemp --suffix=.json)
CHROME_PATH=${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium} npx --yes lighthouse@12 "$url" --form-factor=mobile \
  --only-categories=accessibility,performance,best-practices --output=json --output-path="$out" --quiet \
  --chrome-flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
node -e 'const r=require(process.argv[1]);console.log("| category | score |\n|---|---:|");for(const c of Object.values(r.categories))console.log(`| ${c.title} | ${Math.round(c.score*100)} |`)' "$out"
rm -f "$out"

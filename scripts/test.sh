#!/usr/bin/env bash
# The one command that runs every test on a fresh machine (README; .ci/run calls `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/ensure-deps.sh
echo "== typecheck"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
echo "== package"; npm run --silent package >/dev/null
suites=(unit contract)
if [ -f scripts/e2e-setup.sh ] && [ "${SKIP_E2E:-}" != "1" ]; then
  bash scripts/e2e-setup.sh
  suites+=(e2e)
fi
node scripts/run-tests.mjs "${suites[@]}"
echo "test command took $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# `npm start`: the product on its embedded default — builds and packages the extension, installs
# code-server (once, cached outside git), then scripts/start.ts starts the emulator with demo data
# and a real VS Code pointed at it. Ctrl+C stops everything. Arguments go to start.ts
# (`npm start -- --port 8080`, `--no-open`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "== packaging the extension"
npm run --silent package >/dev/null
bash scripts/e2e-setup.sh
# exec: one process (no npx/tsx wrapper) receives Ctrl+C and stops what it started.
exec node --import tsx scripts/start.ts "$@"

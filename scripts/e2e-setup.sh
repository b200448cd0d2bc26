#!/usr/bin/env bash
# Installs what the real-VS-Code end-to-end tests and `npm start` need, idempotently:
#   - Debian packages: chromium (the browser Playwright drives), ripgrep (VS Code's search binary,
#     whose npm package would download it from GitHub), libkrb5-dev + a C/C++ toolchain (native
#     modules of code-server built from source, since prebuilt downloads fail offline);
#   - code-server (the real VS Code workbench served to a browser), pinned to the version whose
#     VS Code satisfies our `engines.vscode`, into a cache folder outside git.
# A second run only checks markers and takes a second or two.
# Why code-server is installed by hand: its npm install script refuses to run as root and downloads
# from GitHub; see /work/shared/notes/e2e-recipe.md. Never add it to package.json.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3" # bundles VS Code 1.100 — our engines.vscode floor (^1.100.0); newest that runs on node 20
CACHE="${CEN_FLOW_LOGS_CACHE:-$HOME/.cache/cen-flow-logs-e2e}"
DEST="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.installed"

say() { echo "== e2e-setup: $*"; }

# --- Debian packages ------------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# Fonts so screenshots show text; Chromium pulls some in, but a minimal image may lack them.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); elif command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "e2e-setup: need root (or sudo) to apt-get install ${missing[*]}" >&2
    exit 1
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- code-server ----------------------------------------------------------------------------------
if [ -f "$MARKER" ]; then
  exit 0
fi
say "installing code-server $CODE_SERVER_VERSION into $DEST (about 2–3 minutes on 2 cores, once)"
mkdir -p "$CACHE"
WORK="$DEST.partial.$$"
rm -rf "$WORK"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK"
cd "$WORK"
echo '{"name":"cen-flow-logs-e2e-cache","private":true}' >package.json
# --ignore-scripts: the package's own postinstall refuses to run as root and downloads from GitHub;
# its steps are replicated below.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"

CS="$WORK/node_modules/code-server"
say "top-level native module (argon2)"
# npm hoists code-server's dependencies next to it, so rebuild from the cache's own package.
# (its prebuilt download fails offline and it then compiles; keep that noise in a log)
npm rebuild argon2 --foreground-scripts --loglevel=error >"$WORK/argon2.log" 2>&1 || { cat "$WORK/argon2.log" >&2; exit 1; }
find "$WORK/node_modules" -name argon2.node -path '*argon2*' | grep -q . || {
  echo "e2e-setup: argon2 native module missing (code-server dies without it)" >&2; exit 1; }

say "VS Code's own dependencies and native modules"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
# node-pty's own postinstall complains about `npx node-gyp` afterwards; its .node is built already.
npm rebuild kerberos @parcel/watcher node-pty @vscode/spdlog native-watchdog @vscode/deviceid \
  --foreground-scripts --loglevel=error >/dev/null 2>"$WORK/rebuild.log" || {
  # Tolerate node-pty's harmless complaint, but not a missing binary.
  for f in node_modules/kerberos/build/Release/kerberos.node node_modules/node-pty/build/Release/pty.node \
           node_modules/@vscode/spdlog/build/Release/spdlog.node; do
    [ -f "$f" ] || { cat "$WORK/rebuild.log" >&2; echo "e2e-setup: native build failed: $f" >&2; exit 1; }
  done
}
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)

cd "$CACHE"
rm -rf "$DEST"
mv "$WORK" "$DEST"
trap - EXIT
date -u +%FT%TZ >"$MARKER"
say "code-server ready: $DEST/node_modules/.bin/code-server"

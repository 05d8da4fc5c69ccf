#!/usr/bin/env bash
# Tests of the Dashboards panel:
#   1. npm ci when node_modules is missing or older than package-lock.json;
#   2. type check (tsc) and unit tests (vitest: route handlers, validation, components, pages);
#   3. Vite build of the standalone page and its Node server (target/standalone/);
#   4. only when AIOPS_URL is set (e.g. http://127.0.0.1:9200): demo data seeded into that node through its
#      REST API (aiops-demo-* indices, and a demo detector when the node has the detector API), then the
#      Playwright browser test on Debian's Chromium; screenshots in target/e2e/.
# Options: --build-only (steps 1 and 3; used by serve.sh). Environment: AIOPS_URL; AIOPS_CONTRACT_STUB=1 (standalone
# server answers the detector API from plain indices when the node lacks it); AIOPS_REQUIRE_DETECTORS=1 (fail
# instead of skipping the detector tests when the node lacks the detector API); CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "dashboards: $*" >&2; }

ensure_node_modules() {
  local stamp=node_modules/.aiops-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ ! -d node_modules || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    log "npm ci"
    npm ci --no-fund --no-audit --loglevel=error >&2
    echo "$want" > "$stamp"
  fi
}

build_standalone() {
  log "vite build (standalone page and server)"
  npx vite build --logLevel warn --config standalone/vite.config.mts >&2
  npx vite build --logLevel warn --config standalone/vite.server.config.mts >&2
}

ensure_chromium() {
  [[ -x ${CHROMIUM:-/usr/bin/chromium} ]] && return
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium"
    apt-get update -qq >&2 && apt-get install -y -qq chromium >&2
  else
    log "no Chromium at ${CHROMIUM:-/usr/bin/chromium}: install Debian's chromium (apt-get install chromium)"; exit 1
  fi
}

ensure_node_modules
if [[ ${1:-} == --build-only ]]; then
  build_standalone
  exit 0
fi

log "type check (tsc)"
npx tsc -p .
log "unit tests (vitest)"
npx vitest run
build_standalone

if [[ -z ${AIOPS_URL:-} ]]; then
  log "AIOPS_URL not set: browser test skipped"
  exit 0
fi
ensure_chromium
log "seeding demo data into $AIOPS_URL"
node standalone/seed.mjs
log "browser test (Playwright, Chromium headless)"
node standalone/e2e/panel.e2e.mjs

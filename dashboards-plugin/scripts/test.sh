#!/usr/bin/env bash
# Tests of the Dashboards panel, against a real node with the aiops plugin at AIOPS_URL (e.g. http://127.0.0.1:9200):
#   1. npm ci when node_modules is missing or was installed from another package-lock.json;
#   2. type check (tsc) and unit tests (vitest: validation, components, pages);
#   3. Vite build of the standalone page and its Node server (target/standalone/), when its sources changed;
#   4. demo data seeded into the node through its REST API (standalone/seed.mjs: templates through a log_template
#      pipeline, metrics with a spike, a metric_knn detector trained and run over them); fails if any is missing;
#   5. route handler tests against the node (vitest.node.config.mts);
#   6. the Playwright browser test on Debian's Chromium (installed with apt-get when missing and run as root);
#      screenshots in target/e2e/ (git-ignored).
# Options:
#   --unit               steps 1–3 only (no node needed)
#   --build-only         steps 1 and 3 (serve.sh)
#   --result-file F      run the tests, write their exit status to F and exit 0, so that Maven's post-integration-test
#                        phase still stops the node (like Failsafe's integration-test goal)
#   --check-result F     exit with the status written to F (Maven's verify phase)
# Environment: AIOPS_URL (required unless --unit/--build-only), CHROMIUM (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "dashboards: $*" >&2; }

case ${1:-} in
  --result-file)
    [[ $# -ge 2 ]] || { log "--result-file needs a file"; exit 2; }
    file=$2; shift 2
    mkdir -p "$(dirname "$file")"; rm -f "$file"
    rc=0; "$0" "$@" || rc=$?
    echo "$rc" > "$file"
    exit 0 ;;
  --check-result)
    [[ $# -ge 2 ]] || { log "--check-result needs a file"; exit 2; }
    [[ -f $2 ]] || { log "no result in $2: the panel tests did not run"; exit 1; }
    rc=$(cat "$2")
    [[ $rc == 0 ]] || log "panel tests failed (exit $rc): see their output above (screenshots in $(pwd)/target/e2e)"
    exit "$rc" ;;
esac

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
  local out=target/standalone/server/server.mjs
  if [[ -f $out && -f target/standalone/public/index.html && -z $(find common server public standalone package-lock.json tsconfig.json \
        -newer "$out" -type f ! -name '*.test.ts' ! -name '*.test.tsx' 2>/dev/null | head -1) ]]; then
    return
  fi
  log "vite build (standalone page and server)"
  npx vite build --logLevel warn --config standalone/vite.config.mts >&2
  npx vite build --logLevel warn --config standalone/vite.server.config.mts >&2
  touch "$out"
}

ensure_chromium() {
  local chromium=${CHROMIUM:-/usr/bin/chromium}
  [[ -x $chromium ]] && return
  if [[ $(id -u) == 0 && $chromium == /usr/bin/chromium ]] && command -v apt-get >/dev/null; then
    log "installing Debian's chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq chromium >&2
  else
    log "no Chromium at $chromium: install Debian's chromium (apt-get install chromium) or set CHROMIUM"; exit 1
  fi
}

mode=all
case ${1:-} in
  --unit) mode=unit ;;
  --build-only) mode=build ;;
  "") ;;
  *) log "unknown option $1 (allowed: --unit, --build-only, --result-file F, --check-result F)"; exit 2 ;;
esac
if [[ $mode == all && -z ${AIOPS_URL:-} ]]; then
  log "AIOPS_URL is required: the tests run against a node with the aiops plugin (./aiops node start, then AIOPS_URL=http://127.0.0.1:9200); --unit runs only the unit tests"
  exit 2
fi

ensure_node_modules
if [[ $mode == build ]]; then
  build_standalone
  exit 0
fi
[[ $mode == all ]] && ensure_chromium   # first: a missing browser fails in seconds, not after the build

log "type check (tsc)"
npx tsc -p .
log "unit tests (vitest)"
npx vitest run
build_standalone
[[ $mode == unit ]] && exit 0

log "seeding demo data into $AIOPS_URL"
node standalone/seed.mjs
log "route handlers against $AIOPS_URL (vitest)"
npx vitest run --config vitest.node.config.mts
log "browser test (Playwright, Chromium headless)"
node standalone/e2e/panel.e2e.mjs

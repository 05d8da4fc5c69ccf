#!/usr/bin/env bash
# Serves the standalone panel (the same components and routes as the OSD plugin) against the node at
# AIOPS_URL (default http://127.0.0.1:9200) and prints its URL.
#   --port P        listen on P (default 5602; 0 = any free port)
#   --seed          first write the demo data (standalone/seed.mjs: logs, metrics, a trained and run detector)
#   --background    start the server detached, wait until it answers, print its URL and PID and return
#                   (PID in target/standalone/server.pid, log in target/standalone/server.log;
#                   stop it with: kill "$(cat target/standalone/server.pid)"). A server this script started
#                   before in the background is stopped first.
# The build (npm ci, Vite) runs only when node_modules or the sources changed.
set -euo pipefail
cd "$(dirname "$0")/.."
port=5602 seed=false background=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --port) port=$2; shift 2 ;;
    --seed) seed=true; shift ;;
    --background) background=true; shift ;;
    *) echo "serve.sh: unknown option $1 (allowed: --port P, --seed, --background)" >&2; exit 2 ;;
  esac
done
export AIOPS_URL=${AIOPS_URL:-http://127.0.0.1:9200} PORT=$port
scripts/test.sh --build-only
$seed && node standalone/seed.mjs >&2

if ! $background; then
  exec node target/standalone/server/server.mjs
fi
pidfile=target/standalone/server.pid out=target/standalone/server.log
if [[ -f $pidfile ]]; then
  old=$(cat "$pidfile")
  if [[ -n $old ]] && grep -qs 'server/server.mjs' "/proc/$old/cmdline"; then
    kill "$old" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$old" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$pidfile"
fi
# Detached (own session, no terminal, no inherited stdout/stderr), so callers capturing this script's output return.
setsid nohup node target/standalone/server/server.mjs > "$out" 2>&1 < /dev/null &
pid=$!
echo "$pid" > "$pidfile"
for _ in $(seq 1 50); do
  if url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out" 2>/dev/null) && curl -fs "${url}api/aiops/info" >/dev/null; then
    echo "aiops panel: $url (pid $pid, OpenSearch $AIOPS_URL)"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
echo "serve.sh: the panel server did not come up; see $out" >&2
cat "$out" >&2
exit 1

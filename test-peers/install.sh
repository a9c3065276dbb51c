#!/usr/bin/env bash
# Installs the real peers subpact's tests run against, so that `./mvnw -B verify` passes on a fresh
# machine by itself (the root POM runs this script in the `initialize` phase; `-DskipTests` or
# `-Dsubpact.peers.skip=true` skip it). Idempotent: what is installed already is left alone.
#   Debian: python3-websockets for /usr/bin/python3 (a real Python GraphQL WebSocket client), chromium + chromium-driver
#           (the dashboard's browser tests), shellcheck (the ci/ scripts' lint)
#   npm:    the root package-lock.json, one pinned set for every module's tests (graphql-js servers,
#           graphql-ws and subscriptions-transport-ws clients, the official Pact CLI, graphql-inspector),
#           installed into the root node_modules by one `npm ci`, again only when the lock file changed
#           (see test-peers/README.md for why the root)
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "test-peers: $1" >&2
  exit 1
}

missing=()
/usr/bin/python3 -c 'import websockets' 2>/dev/null || missing+=(python3-websockets)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)

if ((${#missing[@]} > 0)); then
  echo "test-peers: installing Debian packages ${missing[*]}"
  command -v apt-get >/dev/null 2>&1 \
    || fail "the tests need ${missing[*]} and this machine has no apt-get: install them with your package manager, then run the build again."
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if ! { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; then
      fail "the tests need the Debian packages ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (this build is not root and cannot sudo without a password), then run the build again."
    fi
    as_root=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq || echo "test-peers: apt-get update failed; trying with the cached package lists" >&2
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get could not install ${missing[*]}: see its message above."
fi

command -v npm >/dev/null 2>&1 || fail "the tests need Node.js 20+ and npm (real GraphQL clients, servers and the official Pact CLI come from npm): install them, then run the build again."
# Before the one root set, each module had its own */src/test/node/node_modules; one left in a checkout
# would shadow the root set (Node takes the nearest node_modules), so it goes.
for stale in */src/test/node/node_modules; do
  if [ -e "$stale" ] || [ -L "$stale" ]; then
    echo "test-peers: removing $stale (the npm test peers are now one set in the repository root)"
    rm -rf "$stale"
  fi
done
# The stamp holds the lock file's SHA-256 of the last successful `npm ci`; `npm ci` deletes node_modules
# first, so a failed or interrupted install leaves no stamp and runs again next time.
stamp=node_modules/.subpact-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "test-peers: npm ci in $(pwd)"
  npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed in $(pwd): see npm's message above."
  echo "$want" > "$stamp"
fi
echo "test-peers: Debian and npm peers present"

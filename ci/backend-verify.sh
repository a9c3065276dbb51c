#!/usr/bin/env bash
# Backend CI step: verify every bot contract that matters (main branches + deployed/released
# versions) against this backend build, statically then live, publish the results, ask
# can-i-deploy, deploy, and record the deployment. Works with subpact's broker or the official one.
#
# Configuration (environment variables; the official Pact names where they exist):
#   PACT_BROKER_BASE_URL          the broker (required)
#   PACT_BROKER_USERNAME/PASSWORD basic auth, or PACT_BROKER_TOKEN (bearer)
#   SUBPACT_PROVIDER              the backend's pacticipant name         (required)
#   SUBPACT_PROVIDER_VERSION      this build's version                   (default: git sha)
#   SUBPACT_PROVIDER_BRANCH       this build's branch                    (default: git branch)
#   SUBPACT_ENVIRONMENT           where it deploys                       (default: staging)
#   SUBPACT_SCHEMA                the exported schema: an SDL file, an introspection JSON file or a URL
#   SUBPACT_SCHEMA_COMMAND        or a command printing the SDL, e.g. "strawberry export-schema app.schema:schema"
#   SUBPACT_BASELINE              the schema in production for check and verify --baseline: a file, a URL, or "broker" (the
#                                 schema of the $SUBPACT_PROVIDER version deployed to $SUBPACT_ENVIRONMENT; subpact's broker
#                                 only) (optional; without it verify warns where only a baseline could decide)
#   SUBPACT_PUBLISH_SCHEMA        "true": publish this build's schema to the broker after the static check, so that it checks
#                                 every contract against it and keeps it as the next baseline (subpact's broker only) (default: false)
#   SUBPACT_BACKEND_START_COMMAND how to start the build (optional: a URL may already serve it)
#   SUBPACT_BACKEND_WS_URL        its WebSocket endpoint, e.g. ws://127.0.0.1:8000/v1/graphql (required)
#   SUBPACT_BACKEND_HTTP_URL      its HTTP endpoint (default: the WS URL with http://)
#   SUBPACT_STATE_URL             its provider-state endpoint (optional)
#   SUBPACT_INIT_PAYLOAD_ENV      name of the variable holding the connection_init JSON (optional; never printed)
#   SUBPACT_DEPLOY_COMMAND        how to deploy once can-i-deploy says yes (optional; without it nothing is deployed or recorded)
#   SUBPACT_FORMAT                report format: text, json, junit or github (default: text; github on GitHub Actions)
#   SUBPACT_SHARD                 I/N: one of N parallel jobs; verifies only its shard (whole pacts), writes its JSON
#                                 report to SUBPACT_REPORT (default: subpact-shard-I.json) and stops after publishing;
#                                 a final job merges the reports and asks can-i-deploy (ci/github/backend-verify-sharded.yml)
#   SUBPACT                       the subpact command (default: subpact on PATH, else ./subpact)
set -euo pipefail

die() { echo "backend-verify: $*" >&2; exit 2; }

: "${PACT_BROKER_BASE_URL:?backend-verify: set PACT_BROKER_BASE_URL to the Pact Broker URL}"
: "${SUBPACT_BACKEND_WS_URL:?backend-verify: set SUBPACT_BACKEND_WS_URL, e.g. ws://127.0.0.1:8000/v1/graphql}"
: "${SUBPACT_PROVIDER:?backend-verify: set SUBPACT_PROVIDER to the pacticipant name of this backend (the provider named in the bot pacts)}"
provider="$SUBPACT_PROVIDER"
version="${SUBPACT_PROVIDER_VERSION:-$(git rev-parse --short HEAD 2>/dev/null || true)}"
branch="${SUBPACT_PROVIDER_BRANCH:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || true)}"
environment="${SUBPACT_ENVIRONMENT:-staging}"
ws_url="$SUBPACT_BACKEND_WS_URL"
http_url="${SUBPACT_BACKEND_HTTP_URL:-${ws_url/#ws/http}}"
format="${SUBPACT_FORMAT:-$([ -n "${GITHUB_ACTIONS:-}" ] && echo github || echo text)}"
[ -n "$version" ] || die "set SUBPACT_PROVIDER_VERSION (no git checkout to take the sha from)"
if [ -z "${SUBPACT:-}" ]; then
  if command -v subpact >/dev/null 2>&1; then SUBPACT=subpact; else SUBPACT="$(cd "$(dirname "$0")/.." && pwd)/subpact"; fi
fi

work="$(mktemp -d)"
backend_pid=""
cleanup() {
  if [ -n "$backend_pid" ]; then kill "$backend_pid" 2>/dev/null || true; wait "$backend_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== 1. export the schema of $provider $version"
if [ -n "${SUBPACT_SCHEMA_COMMAND:-}" ]; then
  bash -c "$SUBPACT_SCHEMA_COMMAND" > "$work/schema.graphql" || die "SUBPACT_SCHEMA_COMMAND failed"
  schema="$work/schema.graphql"
elif [ -n "${SUBPACT_SCHEMA:-}" ]; then
  schema="$SUBPACT_SCHEMA"
else
  schema=""  # introspected from the running build below
fi

echo "== 2. fetch the contracts to verify (main branches + deployed/released versions)"
"$SUBPACT" pacts --broker "$PACT_BROKER_BASE_URL" --provider "$provider" \
  --selector mainBranch --selector deployedOrReleased \
  ${branch:+--provider-branch "$branch"} --out "$work/pacts"

if [ -n "$schema" ]; then
  echo "== 3. static check against the exported schema${SUBPACT_BASELINE:+, compared with $SUBPACT_BASELINE along each operation}"
  check_args=(--schema "$schema" --pacts "$work/pacts" --format "$format")
  [ -n "${SUBPACT_BASELINE:-}" ] && check_args+=(--baseline "$SUBPACT_BASELINE" --provider "$provider" --environment "$environment")
  "$SUBPACT" check "${check_args[@]}"
  if [ "${SUBPACT_PUBLISH_SCHEMA:-false}" = true ]; then
    echo "== 3b. publish the schema of $provider $version to the broker"
    "$SUBPACT" schema publish --broker "$PACT_BROKER_BASE_URL" --provider "$provider" --version "$version" --schema "$schema"
  fi
fi

if [ -n "${SUBPACT_BACKEND_START_COMMAND:-}" ]; then
  echo "== 4. start the build"
  bash -c "$SUBPACT_BACKEND_START_COMMAND" &
  backend_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' "$http_url"; then break; fi
    kill -0 "$backend_pid" 2>/dev/null || die "the backend exited before serving $http_url"
    sleep 0.5
  done
fi

echo "== 5. live replay over WebSocket, results published to the broker"
# --provider: with no contracts yet, verify passes and still records this version on its branch,
# so that can-i-deploy knows it ("no missing dependencies") on the first run
verify_args=(--backend "$ws_url" --http "$http_url" --pacts "$work/pacts" --provider "$provider"
  --publish-results --broker "$PACT_BROKER_BASE_URL" --provider-version "$version")
if [ -n "${SUBPACT_SHARD:-}" ]; then
  report="${SUBPACT_REPORT:-subpact-shard-${SUBPACT_SHARD%%/*}.json}"
  verify_args+=(--shard "$SUBPACT_SHARD" --format json --output "$report")
else
  verify_args+=(--format "$format")
fi
[ -n "$branch" ] && verify_args+=(--provider-branch "$branch")
[ -n "${SUBPACT_STATE_URL:-}" ] && verify_args+=(--state-url "$SUBPACT_STATE_URL")
[ -n "${SUBPACT_INIT_PAYLOAD_ENV:-}" ] && verify_args+=(--init-payload-env "$SUBPACT_INIT_PAYLOAD_ENV")
[ -n "$schema" ] && verify_args+=(--schema "$schema")
# the baseline also decides what a contract cannot say itself (an integral example on a field now a Float)
[ -n "${SUBPACT_BASELINE:-}" ] && verify_args+=(--baseline "$SUBPACT_BASELINE" --environment "$environment")
verify_status=0
"$SUBPACT" verify "${verify_args[@]}" || verify_status=$?
[ "$verify_status" -le 1 ] || exit "$verify_status"
if [ -n "${SUBPACT_SHARD:-}" ]; then
  echo "shard $SUBPACT_SHARD verified (exit $verify_status), report in $report: the final job merges the shards' reports and asks can-i-deploy"
  exit "$verify_status"
fi

echo "== 6. can-i-deploy $provider $version to $environment"
"$SUBPACT" can-i-deploy --broker "$PACT_BROKER_BASE_URL" --pacticipant "$provider" --version "$version" \
  --to-environment "$environment" --retry-while-unknown 6 --retry-interval 10s

if [ -n "${SUBPACT_DEPLOY_COMMAND:-}" ]; then
  echo "== 7. deploy and record the deployment"
  bash -c "$SUBPACT_DEPLOY_COMMAND"
  "$SUBPACT" record-deployment --broker "$PACT_BROKER_BASE_URL" --pacticipant "$provider" --version "$version" \
    --environment "$environment"
fi

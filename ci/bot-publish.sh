#!/usr/bin/env bash
# Bot CI step: capture the exact GraphQL operations the *built* bot sends, publish them as the
# bot's contract, check the build is not stale, ask can-i-deploy, deploy, record the deployment.
# Exits 1 when the bot sends what the deployed schema rejects, the build is stale or can-i-deploy
# says no; 2 when the bot sent no GraphQL at all (nothing is published) or the setup is wrong.
# Works with subpact's broker or the official one.
#
# Configuration (environment variables; the official Pact names where they exist):
#   PACT_BROKER_BASE_URL          the broker (required)
#   PACT_BROKER_USERNAME/PASSWORD basic auth, or PACT_BROKER_TOKEN (bearer)
#   SUBPACT_CONSUMER              the bot's pacticipant name (required)
#   SUBPACT_CONSUMER_VERSION      this build's version, e.g. the image tag (default: git sha)
#   SUBPACT_CONSUMER_BRANCH       this build's branch (default: git branch)
#   SUBPACT_PROVIDER              the backend's pacticipant name (required)
#   SUBPACT_BOT_COMMAND           runs the built bot; it finds the stand-in backend in
#                                 SUBPACT_BACKEND_HTTP_URL / SUBPACT_BACKEND_WS_URL (required; GraphQL
#                                 is recorded on any path of that origin, e.g. .../graphql),
#                                 e.g. "docker run --network host -e BACKEND_URL=\$SUBPACT_BACKEND_HTTP_URL bot:\$SUBPACT_CONSUMER_VERSION"
#   SUBPACT_BOT_RUN_SECONDS       how long the bot runs before it is stopped (default: 20)
#   SUBPACT_SCHEMA                the backend's deployed schema (optional): breaks fail the build before publishing
#   SUBPACT_FAIL_ON_STALE         "true": a stale build (still sends what main no longer does) fails
#   SUBPACT_ENVIRONMENT           where the bot deploys (default: staging)
#   SUBPACT_DEPLOY_COMMAND        how to deploy once can-i-deploy says yes (optional)
#   BUILD_URL                     the CI build URL (optional; GitHub/GitLab values are picked up)
#   SUBPACT                       the subpact command (default: subpact on PATH, else ./subpact)
set -euo pipefail

die() { echo "bot-publish: $*" >&2; exit 2; }

: "${PACT_BROKER_BASE_URL:?bot-publish: set PACT_BROKER_BASE_URL to the Pact Broker URL}"
: "${SUBPACT_CONSUMER:?bot-publish: set SUBPACT_CONSUMER to the bot name}"
: "${SUBPACT_BOT_COMMAND:?bot-publish: set SUBPACT_BOT_COMMAND to the command that runs the built bot}"
consumer="$SUBPACT_CONSUMER"
version="${SUBPACT_CONSUMER_VERSION:-$(git rev-parse --short HEAD 2>/dev/null || true)}"
branch="${SUBPACT_CONSUMER_BRANCH:-$(git rev-parse --abbrev-ref HEAD 2>/dev/null || true)}"
: "${SUBPACT_PROVIDER:?bot-publish: set SUBPACT_PROVIDER to the pacticipant name of the backend (the provider the pact names)}"
provider="$SUBPACT_PROVIDER"
environment="${SUBPACT_ENVIRONMENT:-staging}"
run_seconds="${SUBPACT_BOT_RUN_SECONDS:-20}"
build_url="${BUILD_URL:-${CI_JOB_URL:-${GITHUB_SERVER_URL:+$GITHUB_SERVER_URL/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}}}}"
[ -n "$version" ] || die "set SUBPACT_CONSUMER_VERSION (no git checkout to take the sha from)"
if [ -z "${SUBPACT:-}" ]; then
  if command -v subpact >/dev/null 2>&1; then SUBPACT=subpact; else SUBPACT="$(cd "$(dirname "$0")/.." && pwd)/subpact"; fi
fi

work="$(mktemp -d)"
capture_pid=""
bot_pid=""
cleanup() {
  for pid in "$bot_pid" "$capture_pid"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== 1. start the capture (a recording stand-in for the backend)"
capture_args=(--listen 127.0.0.1:0 --consumer "$consumer" --consumer-version "$version" --provider "$provider" --out "$work/pacts")
[ -n "${SUBPACT_SCHEMA:-}" ] && capture_args+=(--schema "$SUBPACT_SCHEMA")
: > "$work/capture.log"
"$SUBPACT" capture "${capture_args[@]}" > "$work/capture.log" 2>&1 &
capture_pid=$!
http_url=""
for _ in $(seq 1 240); do
  http_url="$(sed -n 's/^subpact capture: listening on \(http[^ ]*\) and .*/\1/p' "$work/capture.log" | head -n 1)"
  [ -n "$http_url" ] && break
  kill -0 "$capture_pid" 2>/dev/null || { cat "$work/capture.log" >&2; die "the capture exited before listening"; }
  sleep 0.25
done
[ -n "$http_url" ] || die "the capture did not start listening"
export SUBPACT_BACKEND_HTTP_URL="$http_url"
export SUBPACT_BACKEND_WS_URL="${http_url/#http/ws}"
echo "capturing on $SUBPACT_BACKEND_HTTP_URL"

echo "== 2. run the built bot against it for at most ${run_seconds}s"
bash -c "$SUBPACT_BOT_COMMAND" &
bot_pid=$!
for _ in $(seq 1 "$run_seconds"); do kill -0 "$bot_pid" 2>/dev/null || break; sleep 1; done
kill "$bot_pid" 2>/dev/null || true
wait "$bot_pid" 2>/dev/null || true
bot_pid=""

echo "== 3. stop the capture and write the contract"
kill -TERM "$capture_pid"
capture_status=0
wait "$capture_pid" || capture_status=$?
capture_pid=""
cat "$work/capture.log"
case "$capture_status" in
  0) ;;
  1) echo "bot-publish: the capture found breaks against the deployed schema (exit 1)" >&2; exit 1 ;;
  2) echo "bot-publish: the capture recorded no GraphQL operation, so there is no contract to publish (exit 2); see what it saw above" >&2; exit 2 ;;
  *) echo "bot-publish: the capture failed (exit $capture_status)" >&2; exit "$capture_status" ;;
esac

echo "== 4. publish $consumer $version (stale-build check against main first)"
publish_args=(--broker "$PACT_BROKER_BASE_URL" --pacts "$work/pacts" --consumer-version "$version" --check-stale)
[ -n "$branch" ] && publish_args+=(--branch "$branch")
[ -n "$build_url" ] && publish_args+=(--build-url "$build_url")
[ "${SUBPACT_FAIL_ON_STALE:-false}" = "true" ] && publish_args+=(--fail-on-stale)
"$SUBPACT" publish "${publish_args[@]}"

echo "== 5. can-i-deploy $consumer $version to $environment"
"$SUBPACT" can-i-deploy --broker "$PACT_BROKER_BASE_URL" --pacticipant "$consumer" --version "$version" \
  --to-environment "$environment" --retry-while-unknown 6 --retry-interval 10s

if [ -n "${SUBPACT_DEPLOY_COMMAND:-}" ]; then
  echo "== 6. deploy and record the deployment"
  bash -c "$SUBPACT_DEPLOY_COMMAND"
  "$SUBPACT" record-deployment --broker "$PACT_BROKER_BASE_URL" --pacticipant "$consumer" --version "$version" \
    --environment "$environment"
fi

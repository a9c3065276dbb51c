#!/usr/bin/env bash
# Creates (or updates) the broker webhook that starts the backend's verification pipeline when a
# bot publishes a contract that needs verifying (event contract_requiring_verification_published).
# Plain HAL API calls: works with subpact's broker and the official one.
#
#   PACT_BROKER_BASE_URL          the broker (required)
#   PACT_BROKER_USERNAME/PASSWORD basic auth, or PACT_BROKER_TOKEN
#   SUBPACT_PROVIDER              the backend's pacticipant name (required)
#   SUBPACT_WEBHOOK_UUID          a fixed id, so running this again updates the same webhook
#                                 (default: subpact-backend-verification-<provider>)
#   SUBPACT_WEBHOOK_TARGET        github (default) or gitlab
#   GITHUB_REPOSITORY + SUBPACT_WEBHOOK_TOKEN_REF   for github: owner/repo, and how the broker
#                                 refers to the token (e.g. ${user.githubToken} in the official broker)
#   SUBPACT_WEBHOOK_URL           for gitlab (or anything else): the trigger URL to POST to
#
# subpact's broker stores the token but shows it to no one: header values (except Content-Type,
# Accept and a few other harmless ones), URL query values and passwords read back as **********,
# for writers too, and execution logs hold only each response's status. Start it with
# --webhook-host api.github.com (or your GitLab host); a host on a loopback, link-local or private
# address needs an explicit entry (its name, host:port, or a CIDR range such as 10.0.0.0/8).
set -euo pipefail
: "${PACT_BROKER_BASE_URL:?create-webhook: set PACT_BROKER_BASE_URL}"
: "${SUBPACT_PROVIDER:?create-webhook: set SUBPACT_PROVIDER to the pacticipant name of the backend whose verification the webhook starts}"
provider="$SUBPACT_PROVIDER"
uuid="${SUBPACT_WEBHOOK_UUID:-subpact-backend-verification-$provider}"
target="${SUBPACT_WEBHOOK_TARGET:-github}"

auth=()
if [ -n "${PACT_BROKER_TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $PACT_BROKER_TOKEN")
elif [ -n "${PACT_BROKER_USERNAME:-}" ]; then
  auth=(-u "$PACT_BROKER_USERNAME:${PACT_BROKER_PASSWORD:-}")
fi

case "$target" in
  github)
    : "${GITHUB_REPOSITORY:?create-webhook: set GITHUB_REPOSITORY=owner/repo of the backend}"
    url="https://api.github.com/repos/$GITHUB_REPOSITORY/dispatches"
    headers='{"Content-Type": "application/json", "Accept": "application/vnd.github+json", "Authorization": "Bearer '"${SUBPACT_WEBHOOK_TOKEN_REF:-\${user.githubToken\}}"'"}'
    # shellcheck disable=SC2016 # broker template variables, expanded by the broker
    body='{"event_type": "contract_requiring_verification_published", "client_payload": {"pactUrl": "${pactbroker.pactUrl}", "consumer": "${pactbroker.consumerName}", "consumerVersion": "${pactbroker.consumerVersionNumber}", "providerVersion": "${pactbroker.providerVersionNumber}", "providerBranch": "${pactbroker.providerVersionBranch}"}}'
    ;;
  *)
    : "${SUBPACT_WEBHOOK_URL:?create-webhook: set SUBPACT_WEBHOOK_URL to the pipeline trigger URL}"
    url="$SUBPACT_WEBHOOK_URL"
    headers='{"Content-Type": "application/json"}'
    # shellcheck disable=SC2016 # broker template variables, expanded by the broker
    body='{"pactUrl": "${pactbroker.pactUrl}", "consumer": "${pactbroker.consumerName}", "consumerVersion": "${pactbroker.consumerVersionNumber}"}'
    ;;
esac

# The broker attaches webhooks to existing pacticipants: create the provider if it is not there yet.
base="${PACT_BROKER_BASE_URL%/}"
found=$(curl -sS -o /dev/null -w '%{http_code}' "${auth[@]}" -H 'Accept: application/hal+json' "$base/pacticipants/$provider")
if [ "$found" = 404 ]; then
  curl -sS -f -o /dev/null "${auth[@]}" -X POST -H 'Content-Type: application/json' -H 'Accept: application/hal+json' \
    --data "{\"name\": \"$provider\"}" "$base/pacticipants" \
    || { echo "create-webhook: could not create pacticipant $provider" >&2; exit 1; }
fi

webhook=$(cat <<JSON
{
  "description": "Verify $provider against a bot contract that needs verification",
  "provider": {"name": "$provider"},
  "events": [{"name": "contract_requiring_verification_published"}],
  "request": {"method": "POST", "url": "$url", "headers": $headers, "body": $body}
}
JSON
)

status=$(curl -sS -o /dev/stderr -w '%{http_code}' -X PUT "${auth[@]}" \
  -H 'Content-Type: application/json' -H 'Accept: application/hal+json' \
  --data "$webhook" "$base/webhooks/$uuid")
echo
case "$status" in
  200|201) echo "create-webhook: webhook $uuid saved for $provider" ;;
  *) echo "create-webhook: the broker answered HTTP $status" >&2; exit 1 ;;
esac

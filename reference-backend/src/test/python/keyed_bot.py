"""A bot shaped like the client kit's, on Debian's python3-websockets (run with /usr/bin/python3),
against a backend that requires an API key.

Like the Python `gql` WebsocketsTransport the bots use: offers `graphql-ws` then
`graphql-transport-ws`, sends `{"apikey": KEY}` in `connection_init`, sends KarenThreads without
`operationName`, and drops the connection when no `ka` arrived within KEEP_ALIVE_TIMEOUT seconds
(gql's keep_alive_timeout). Holds the subscription for HOLD seconds, asks the state URL to publish an
external message, then POSTs DeleteEmessages with `Authorization: Bearer KEY`. Prints one JSON line
per finding: {"subprotocol"}, {"ack"}, {"ka_count", "longest_gap"}, {"event"}, {"http_status",
"http_result"}; a dropped connection prints {"dropped"} and exits 1.

usage: keyed_bot.py WS_URL HTTP_URL STATE_URL SUBSCRIPTION_JSON MUTATION_JSON KEY KEEP_ALIVE_TIMEOUT HOLD
"""
import asyncio
import json
import sys
import time
import urllib.request

import websockets


def wire(path):
    with open(path, encoding="utf-8") as f:
        fixture = json.load(f)
    return fixture["wire_query_graphql_core_3.2.8"], fixture["variables"]


def post(url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "null")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def say(**finding):
    print(json.dumps(finding), flush=True)


async def main(ws_url, http_url, state_url, subscription_file, mutation_file, key, keep_alive_timeout, hold):
    keep_alive_timeout, hold = float(keep_alive_timeout), float(hold)
    query, variables = wire(subscription_file)
    async with websockets.connect(ws_url, subprotocols=["graphql-ws", "graphql-transport-ws"]) as ws:
        say(subprotocol=ws.subprotocol)
        await ws.send(json.dumps({"type": "connection_init", "payload": {"apikey": key}}))
        say(ack=json.loads(await ws.recv())["type"])
        start = "start" if ws.subprotocol == "graphql-ws" else "subscribe"
        await ws.send(json.dumps({"type": start, "id": "1", "payload": {"query": query, "variables": variables}}))
        kas, last, longest = 0, time.monotonic(), 0.0
        deadline = time.monotonic() + hold
        triggered = False
        while True:
            if not triggered and time.monotonic() >= deadline:
                post(state_url, {"state": "an external message arrives for the bot", "action": "trigger",
                                 "params": {"marketable_name": variables["marketable_name"], "emsg_id": "emsg_py_1",
                                            "emsg_type": variables["want_emsg_types"][0]}}, {})
                triggered = True
            try:
                message = json.loads(await asyncio.wait_for(ws.recv(), keep_alive_timeout))
            except asyncio.TimeoutError:
                say(dropped=f"no ka within {keep_alive_timeout} s")
                sys.exit(1)
            now = time.monotonic()
            if message["type"] == "ka":
                kas, longest, last = kas + 1, max(longest, now - last), now
            elif message["type"] in ("data", "next"):
                say(ka_count=kas, longest_gap=round(longest, 2))
                say(event=message["payload"])
                break
            else:
                say(unexpected=message)
                sys.exit(1)
    m_query, m_variables = wire(mutation_file)
    status, result = post(http_url, {"query": m_query, "variables": m_variables}, {"Authorization": "Bearer " + key})
    say(http_status=status, http_result=result)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:9]))

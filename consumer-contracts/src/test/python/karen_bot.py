"""A stand-in for the incident's bots, on Debian's python3-websockets (run with /usr/bin/python3).

Behaves as the bots' client (the Python `gql` library's WebsocketsTransport) does: offers the
subprotocols `graphql-ws` then `graphql-transport-ws`, sends the API key in `connection_init`,
subscribes with the wire text of KarenThreads, and once the first event (or error) arrives POSTs
the DeleteEmessages mutation over HTTP. Prints every message it receives as one JSON line on
stdout (the API key is never printed), then waits for stdin to close before disconnecting, so a
test can check what happened while the bot is still connected.

usage: karen_bot.py WS_URL HTTP_URL SUBSCRIPTION_JSON MUTATION_JSON API_KEY
"""
import asyncio
import json
import sys
import urllib.request

import websockets


def wire(path):
    with open(path, encoding="utf-8") as f:
        fixture = json.load(f)
    return fixture["wire_query_graphql_core_3.2.8"], fixture["operationName"], fixture["variables"]


def post(url, query, name, variables):
    body = json.dumps({"query": query, "operationName": name, "variables": variables}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read().decode("utf-8"))


async def main(ws_url, http_url, subscription_file, mutation_file, api_key):
    query, name, variables = wire(subscription_file)
    async with websockets.connect(ws_url, subprotocols=["graphql-ws", "graphql-transport-ws"]) as ws:
        protocol = ws.subprotocol
        print(json.dumps({"subprotocol": protocol}), flush=True)
        await ws.send(json.dumps({"type": "connection_init", "payload": {"apikey": api_key}}))
        ack = json.loads(await ws.recv())
        print(json.dumps(ack), flush=True)
        start = "start" if protocol == "graphql-ws" else "subscribe"
        await ws.send(json.dumps({"type": start, "id": "1",
                                  "payload": {"query": query, "operationName": name, "variables": variables}}))
        first = json.loads(await ws.recv())
        print(json.dumps(first), flush=True)
        m_query, m_name, m_variables = wire(mutation_file)
        status, result = post(http_url, m_query, m_name, m_variables)
        print(json.dumps({"http_status": status, "http_result": result}), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))

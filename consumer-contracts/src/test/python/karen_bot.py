"""A stand-in for the incident's bots, on Debian's python3-websockets (run with /usr/bin/python3).

Behaves as the bots' client (the Python `gql` library's WebsocketsTransport) does: offers the
subprotocols `graphql-ws` then `graphql-transport-ws`, sends the API key in `connection_init`,
subscribes with the wire text of KarenThreads (without operationName when NO_OPERATION_NAME is set,
as gql sends it), skips keep-alives (`ka`) as gql does, and once the first event (or error) arrives POSTs
the DeleteEmessages mutation over HTTP. Prints every message it receives as one JSON line on
stdout (the API key is never printed), then waits for stdin to close before disconnecting, so a
test can check what happened while the bot is still connected.

With KEEP_ALIVE_TIMEOUT=N and HOLD_SECONDS=M (legacy graphql-ws), the bot first stays connected for M
seconds, checking keep-alives as gql's keep_alive_timeout does: when no `ka` arrives within N
seconds it prints {"dropped": ...} and disconnects; otherwise it prints {"held_seconds", "keep_alives"}.

usage: karen_bot.py WS_URL HTTP_URL SUBSCRIPTION_JSON MUTATION_JSON API_KEY
"""
import asyncio
import json
import os
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


async def receive(ws):
    """The next message that is not a legacy keep-alive; gql's WebsocketsTransport skips `ka` the same way."""
    while True:
        message = json.loads(await ws.recv())
        if message.get("type") != "ka":
            return message


async def hold(ws, keep_alive_timeout, seconds):
    """Stays connected for `seconds`, closing as gql does when no `ka` arrives within keep_alive_timeout."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    keep_alives = 0
    while (left := deadline - loop.time()) > 0:
        wait = min(keep_alive_timeout, left)
        try:
            message = json.loads(await asyncio.wait_for(ws.recv(), timeout=wait))
        except asyncio.TimeoutError:
            if wait < keep_alive_timeout:
                break
            print(json.dumps({"dropped": f"no keep-alive within {keep_alive_timeout:g}s"}), flush=True)
            return False
        if message.get("type") == "ka":
            keep_alives += 1
    print(json.dumps({"held_seconds": seconds, "keep_alives": keep_alives}), flush=True)
    return True


async def main(ws_url, http_url, subscription_file, mutation_file, api_key):
    query, name, variables = wire(subscription_file)
    async with websockets.connect(ws_url, subprotocols=["graphql-ws", "graphql-transport-ws"]) as ws:
        protocol = ws.subprotocol
        print(json.dumps({"subprotocol": protocol}), flush=True)
        await ws.send(json.dumps({"type": "connection_init", "payload": {"apikey": api_key}}))
        ack = await receive(ws)
        print(json.dumps(ack), flush=True)
        start = "start" if protocol == "graphql-ws" else "subscribe"
        payload = {"query": query, "variables": variables}
        if not os.environ.get("NO_OPERATION_NAME"):
            payload["operationName"] = name
        await ws.send(json.dumps({"type": start, "id": "1", "payload": payload}))
        first = await receive(ws)
        print(json.dumps(first), flush=True)
        m_query, m_name, m_variables = wire(mutation_file)
        status, result = post(http_url, m_query, m_name, m_variables)
        print(json.dumps({"http_status": status, "http_result": result}), flush=True)
        if os.environ.get("KEEP_ALIVE_TIMEOUT") and not await hold(
                ws, float(os.environ["KEEP_ALIVE_TIMEOUT"]), float(os.environ.get("HOLD_SECONDS", "0"))):
            return
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))

// A bot-like client written by others (graphql-ws's createClient, or Apollo's SubscriptionClient),
// run against subpact's reference backend: subscribes, asks the state endpoint to publish an
// external message, prints what it receives as "NEXT <json>" / "ERROR <json>" lines, and exits.
// Usage: node client.js graphql-transport-ws|graphql-ws <ws-url> <state-url> <query>
const WebSocket = require('ws');
const [protocol, url, stateUrl, query] = process.argv.slice(2);

function done(code) {
  setTimeout(() => process.exit(code), 50);
}

// Triggered once the connection is acknowledged and the subscription sent (plus 300 ms for the
// server to register it): a trigger that arrives before the subscription reaches nobody.
async function trigger() {
  await new Promise((r) => setTimeout(r, 300));
  await fetch(stateUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      state: 'an external message arrives for the bot',
      params: { marketable_name: 'frog', emsg_id: 'emsg_node_1', emsg_type: 'TELEGRAM' },
      action: 'trigger',
    }),
  });
}

const sink = {
  next: (result) => {
    console.log('NEXT ' + JSON.stringify(result));
    done(0);
  },
  error: (error) => {
    console.log('ERROR ' + JSON.stringify(error && error.message ? { message: error.message } : error));
    done(0);
  },
  complete: () => {},
};

function triggerOnce() {
  trigger().catch((e) => {
    console.log('TRIGGER-FAILED ' + e.message);
    done(1);
  });
}

if (protocol === 'graphql-transport-ws') {
  const { createClient } = require('graphql-ws');
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, on: { connected: triggerOnce } });
  client.subscribe({ query }, sink);
} else {
  const { SubscriptionClient } = require('subscriptions-transport-ws');
  const client = new SubscriptionClient(url, { reconnect: false }, WebSocket);
  client.onConnected(triggerOnce);
  client.request({ query }).subscribe(sink);
}
setTimeout(() => {
  console.log('TIMEOUT');
  done(2);
}, 10000);

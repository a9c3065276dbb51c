// A real subscriptions-transport-ws (legacy Apollo "graphql-ws" subprotocol) client.
// usage: node subscriptions-transport-ws-client.mjs WS_URL OPERATION_JSON API_KEY
// Subscribes with the fixture's wire text, prints the first result as one JSON line, exits.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import pkg from 'subscriptions-transport-ws';

const { SubscriptionClient } = pkg;
const [url, file, apikey] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(file, 'utf8'));
const client = new SubscriptionClient(url, { connectionParams: { apikey }, reconnect: false }, WebSocket);
client
  .request({ query: fixture['wire_query_graphql_core_3.2.8'], operationName: fixture.operationName, variables: fixture.variables })
  .subscribe({
    next: (result) => {
      console.log(JSON.stringify({ next: result }));
      client.close();
      process.exit(0);
    },
    error: (error) => {
      console.log(JSON.stringify({ error: String(error?.message ?? error) }));
      process.exit(3);
    },
  });

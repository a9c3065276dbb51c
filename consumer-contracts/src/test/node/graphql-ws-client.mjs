// A real graphql-ws (graphql-transport-ws) client, as a Node bot would use it.
// usage: node graphql-ws-client.mjs WS_URL OPERATION_JSON API_KEY
// Subscribes with the fixture's wire text, prints the first result as one JSON line, exits.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const [url, file, apikey] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(file, 'utf8'));
const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { apikey }, retryAttempts: 0 });
client.subscribe(
  { query: fixture['wire_query_graphql_core_3.2.8'], operationName: fixture.operationName, variables: fixture.variables },
  {
    next: (result) => {
      console.log(JSON.stringify({ next: result }));
      client.dispose().then(() => process.exit(0));
    },
    error: (error) => {
      console.log(JSON.stringify({ error: Array.isArray(error) ? error : String(error.reason ?? error) }));
      process.exit(3);
    },
    complete: () => {},
  },
);

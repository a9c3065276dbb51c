// A Node client posting one GraphQL operation over HTTP with the platform's fetch, as a web or Node bot does.
// usage: node http-client.mjs HTTP_URL OPERATION_JSON    (OPERATION_JSON: {"wire_query_graphql_core_3.2.8", "operationName", "variables"})
// Prints the HTTP status and the result as one JSON line.
import { readFileSync } from 'node:fs';

const [url, file] = process.argv.slice(2);
const fixture = JSON.parse(readFileSync(file, 'utf8'));
const response = await fetch(url, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ query: fixture['wire_query_graphql_core_3.2.8'], operationName: fixture.operationName, variables: fixture.variables }),
});
console.log(JSON.stringify({ status: response.status, result: await response.json() }));

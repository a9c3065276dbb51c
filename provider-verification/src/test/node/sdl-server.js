// graphql-js answering GraphQL over HTTP POST on /v1/graphql for the schema given as SDL, every
// field resolved from the JSON root value given, introspection included: its own serialisation is
// what is tested (graphql-js writes the Float 5.0 as 5, as JSON.stringify does).
// usage: node sdl-server.js SDL ROOT_VALUE_JSON     prints "PORT <n>" once listening on 127.0.0.1
const http = require('http');
const { buildSchema, graphql } = require('graphql');

const schema = buildSchema(process.argv[2]);
const rootValue = JSON.parse(process.argv[3]);

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/v1/graphql') {
    res.writeHead(404).end();
    return;
  }
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', async () => {
    const { query, variables, operationName } = JSON.parse(body);
    const result = await graphql({ schema, rootValue, source: query, variableValues: variables, operationName });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
  });
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

// graphql-js answering GraphQL over HTTP POST on /v1/graphql for the schema given as SDL, every
// field resolved from the JSON root value given, introspection included: its own serialisation is
// what is tested (graphql-js writes the Float 5.0 as 5, as JSON.stringify does).
// usage: node sdl-server.js SDL ROOT_VALUE_JSON     prints "PORT <n>" once listening on 127.0.0.1
const http = require('http');
const { buildSchema } = require('graphql');
const graphqlPost = require('./graphql-post');

const server = http.createServer(graphqlPost(buildSchema(process.argv[2]), JSON.parse(process.argv[3])));
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

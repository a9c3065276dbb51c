// One Node HTTP server (not written by subpact) answering GraphQL over HTTP POST (graphql-js) and,
// on the same port and path, graphql-transport-ws (graphql-ws on `ws`), as many Node backends are
// deployed. Both require the header "Authorization: Bearer t" (401 otherwise). A request offering
// an h2c upgrade reaches `ws`, which answers a POST with 405, as it does in production.
// Prints "PORT <n>" once listening on 127.0.0.1 and an OS-chosen port.
const http = require('http');
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');
const graphqlPost = require('./graphql-post');
const { schema, rootValue } = require('./schema');

const authorized = (req) => req.headers.authorization === 'Bearer t';

const server = http.createServer(graphqlPost(schema, rootValue, authorized));
const wss = new WebSocketServer({
  server,
  path: '/v1/graphql',
  verifyClient: (info, done) => (authorized(info.req) ? done(true) : done(false, 401, 'Unauthorized')),
});
useServer({ schema, roots: { subscription: { greetings: rootValue.greetings } } }, wss);
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

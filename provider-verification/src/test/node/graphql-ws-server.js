// A graphql-transport-ws server written by the graphql-ws library (not by subpact), on 127.0.0.1 and
// an OS-chosen port, printed as "PORT <n>" once listening. Requires connection_init {"apiKey": "k"}.
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');
const { schema, rootValue } = require('./schema');

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/graphql' });
useServer(
  {
    schema,
    roots: { subscription: { greetings: rootValue.greetings } },
    onConnect: (ctx) => ctx.connectionParams && ctx.connectionParams.apiKey === 'k',
  },
  server,
);
server.on('listening', () => console.log(`PORT ${server.address().port}`));

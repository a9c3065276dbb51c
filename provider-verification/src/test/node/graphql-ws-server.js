// A graphql-transport-ws server written by the graphql-ws library (not by subpact), on 127.0.0.1 and
// an OS-chosen port, printed as "PORT <n>" once listening. Requires connection_init {"apiKey": "k"}.
// VALIDATION_DELAY_MS=n: waits n ms after each subscribe before validating (a slow, loaded backend).
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');
const { schema, rootValue } = require('./schema');

const delay = Number(process.env.VALIDATION_DELAY_MS || 0);

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/graphql' });
useServer(
  {
    schema,
    roots: { subscription: { greetings: rootValue.greetings } },
    onConnect: (ctx) => ctx.connectionParams && ctx.connectionParams.apiKey === 'k',
    onSubscribe: delay > 0 ? () => new Promise((resolve) => setTimeout(() => resolve(undefined), delay)) : undefined,
  },
  server,
);
server.on('listening', () => console.log(`PORT ${server.address().port}`));

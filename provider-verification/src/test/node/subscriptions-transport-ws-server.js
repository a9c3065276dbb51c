// A legacy graphql-ws server written by Apollo's subscriptions-transport-ws (not by subpact), on
// 127.0.0.1 and an OS-chosen port, printed as "PORT <n>" once listening.
const http = require('http');
const { execute, subscribe } = require('graphql');
const { SubscriptionServer } = require('subscriptions-transport-ws');
const { schema, rootValue } = require('./schema');

const server = http.createServer((req, res) => { res.writeHead(404); res.end(); });
SubscriptionServer.create({ schema, rootValue, execute, subscribe, keepAlive: 1000 }, { server, path: '/v1/graphql' });
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

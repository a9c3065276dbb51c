// A chat backend whose GraphQL stack nobody at subpact wrote: graphql-js validates and executes,
// graphql-ws (graphql-transport-ws) and subscriptions-transport-ws (legacy graphql-ws) serve
// subscriptions, node:http serves POST — all on /graphql of one port, 127.0.0.1, OS-chosen port.
// usage: node chat-server.mjs SCHEMA.graphql     prints "PORT <n>" once listening
//
// Data: every field resolves to an example of the type the schema gives it (a type change shows
// in the data, as it would in a real backend), nullable fields included. A subscription publishes
// one event each time the provider-state URL (POST /_pact/state) gets {"action": "trigger"}.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import {
  buildSchema, execute, graphql, isAbstractType, isEnumType, isListType, isNonNullType, isObjectType, subscribe,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import subscriptionsTransportWs from 'subscriptions-transport-ws';

const schema = buildSchema(readFileSync(process.argv[2], 'utf8'));
const SCALARS = { Int: 42, Float: 1.5, Boolean: true, ID: '1', String: 'text' };

function example(type) {
  if (isNonNullType(type)) return example(type.ofType);
  if (isListType(type)) return [example(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isObjectType(type) || isAbstractType(type)) return {};
  return SCALARS[type.name] ?? 'text';
}

// Every trigger publishes one event to every live subscription; a trigger that finds none (it may
// arrive before the subscription is registered) is kept for the next subscription.
const listeners = new Set();
let pending = 0;
function events() {
  const queue = [];
  for (; pending > 0; pending -= 1) queue.push({});
  let wake = null;
  const push = (event) => (wake ? (wake({ value: event, done: false }), (wake = null)) : queue.push(event));
  listeners.add(push);
  return {
    [Symbol.asyncIterator]() { return this; },
    next: () => (queue.length ? Promise.resolve({ value: queue.shift(), done: false }) : new Promise((r) => { wake = r; })),
    return: () => { listeners.delete(push); if (wake) wake({ value: undefined, done: true }); return Promise.resolve({ done: true }); },
  };
}

for (const type of Object.values(schema.getTypeMap())) {
  if (type.name.startsWith('__')) continue;
  if (isAbstractType(type)) type.resolveType = () => schema.getPossibleTypes(type)[0].name;
  if (!isObjectType(type)) continue;
  for (const field of Object.values(type.getFields())) {
    field.resolve = (_source, _args, _context, info) => example(info.returnType);
    if (type === schema.getSubscriptionType()) field.subscribe = () => events();
  }
}

function body(request) {
  return new Promise((resolve) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function send(response, status, value) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
}

const server = http.createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  if (request.method === 'POST' && path === '/_pact/state') {
    const change = JSON.parse((await body(request)) || '{}');
    if (change.action === 'trigger') {
      if (listeners.size === 0) pending += 1;
      listeners.forEach((push) => push({}));
    }
    return send(response, 200, {});
  }
  if (request.method === 'POST' && path === '/graphql') {
    let payload;
    try {
      payload = JSON.parse(await body(request));
    } catch {
      return send(response, 400, { errors: [{ message: 'Body is not JSON' }] });
    }
    const { query, operationName, variables } = payload;
    return send(response, 200, await graphql({ schema, source: query, operationName, variableValues: variables }));
  }
  return send(response, 404, { errors: [{ message: `No ${request.method} ${path} here` }] });
});

const firstSupported = (protocols) => [...protocols].find((p) => p === 'graphql-transport-ws' || p === 'graphql-ws');
const transportWs = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => firstSupported(protocols) ?? false });
const legacyWs = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => firstSupported(protocols) ?? false });
useServer({ schema }, transportWs);
subscriptionsTransportWs.SubscriptionServer.create({ schema, execute, subscribe }, legacyWs);
server.on('upgrade', (request, socket, head) => {
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const chosen = firstSupported(offered);
  if (new URL(request.url, 'http://localhost').pathname !== '/graphql' || !chosen) {
    socket.destroy();
    return;
  }
  const wss = chosen === 'graphql-transport-ws' ? transportWs : legacyWs;
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

// The incident's backend as a Node team would write it (graphql-js + graphql-ws, nothing of
// subpact's), with the provider-state handler described in provider-verification/README.md
// ("Provider states: the API"). One HTTP server on 127.0.0.1 and an OS-chosen port, printed as
// "PORT <n>": GraphQL over WebSocket (graphql-transport-ws) and HTTP POST at /v1/graphql, provider
// states at POST /_pact/state.
// Usage: node incident-server.js <schema.graphql>
const fs = require('fs');
const http = require('http');
const { WebSocketServer } = require('ws');
const { useServer } = require('graphql-ws/use/ws');
const { buildSchema, graphql } = require('graphql');

const schema = buildSchema(fs.readFileSync(process.argv[2], 'utf8'));

// Live subscriptions and events triggered before their subscription arrived, by interaction id.
const live = new Map();
const early = new Map();

function subscription(interaction) {
  const queue = early.get(interaction) || [];
  early.delete(interaction);
  let wake = null;
  const entry = {
    push(event) {
      queue.push(event);
      if (wake) wake();
    },
  };
  live.set(interaction, entry);
  return (async function* events() {
    try {
      for (;;) {
        while (queue.length > 0) yield { bot_threads_calls_tasks: queue.shift() };
        await new Promise((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      live.delete(interaction);
    }
  })();
}

function externalMessage(params) {
  const message = { ws_id: 'ws_1' };
  for (const prefix of ['emsg_', 'emessage_']) {
    Object.assign(message, {
      [prefix + 'id']: params.emsg_id,
      [prefix + 'persona_id']: 'persona_1',
      [prefix + 'type']: params.emsg_type,
      [prefix + 'from']: 'someone@example.com',
      [prefix + 'to']: `${params.marketable_name}@example.com`,
      [prefix + 'external_id']: 'ext-1',
      [prefix + 'payload']: { text: 'hello' },
      [prefix + 'created_ts']: 1.5,
    });
  }
  return {
    news_action: 'EMESSAGE',
    news_about: 'flexus_persona_external_message',
    news_payload_id: params.emsg_id,
    news_payload_emessage: message,
  };
}

// POST {"state", "params", "action": "setup" | "trigger" | "teardown", "interaction", "variables"?}
function changeState({ state, params = {}, action = 'setup', interaction }) {
  switch (state) {
    case 'the bot is installed':
    case 'external messages exist':
      return 200; // this backend's data already has them
    case 'an external message arrives for the bot':
      if (action === 'trigger') {
        const event = externalMessage(params);
        if (live.has(interaction)) live.get(interaction).push(event);
        else early.set(interaction, [...(early.get(interaction) || []), event]);
      } else if (action === 'teardown') {
        early.delete(interaction);
      }
      return 200;
    default:
      return 400;
  }
}

const roots = {
  mutation: { emessages_delete: () => true },
  subscription: { bot_threads_calls_tasks: (args, context) => subscription(context.interaction) },
};

function readJson(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch (e) {
        reject(e);
      }
    });
  });
}

const server = http.createServer(async (request, response) => {
  try {
    const body = await readJson(request);
    if (request.url === '/_pact/state') {
      const status = changeState(body);
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(status === 200 ? '' : `unknown provider state: ${body.state}`);
    } else if (request.url === '/v1/graphql') {
      const result = await graphql({
        schema,
        source: body.query,
        variableValues: body.variables,
        operationName: body.operationName,
        rootValue: roots.mutation,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(result));
    } else {
      response.writeHead(404);
      response.end();
    }
  } catch (e) {
    response.writeHead(400, { 'Content-Type': 'text/plain' });
    response.end(String(e.message));
  }
});

useServer(
  {
    schema,
    roots,
    context: (ctx) => ({ interaction: ctx.extra.request.headers['x-subpact-interaction'] }),
  },
  new WebSocketServer({ server, path: '/v1/graphql' }),
);
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

// A small REST provider written with Node's own http module (not by subpact), on 127.0.0.1 and an
// OS-chosen port, printed as "PORT <n>" once listening. It stands for a backend that also serves
// REST consumers on the origin of its GraphQL endpoint:
//   GET  /users/:id       200 {"id", "name"} for a user its state created, else 404
//   GET  /hang            never answers (a provider that hangs)
//   POST /_pact/state     Pact's state change {"state", "params", "action": "setup" | "teardown"}:
//                         "user 1 exists" creates / deletes user 1; any other state goes to the
//                         upstream state URL (argv[3]) when given, else 400
//   anything else         proxied to the upstream origin (argv[2]) when given, else 404
// Usage: node rest-server.js [upstream-origin upstream-state-url]
const http = require('http');

const [upstream, upstreamState] = process.argv.slice(2);
const users = new Map();

function json(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function forward(req, res, target, body) {
  const url = new URL(target);
  const out = http.request(
    { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers: { ...req.headers, host: url.host } },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    },
  );
  out.on('error', (e) => json(res, 502, { error: `upstream ${target}: ${e.message}` }));
  out.end(body);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (req.url === '/hang') return undefined;
    const user = req.url.match(/^\/users\/(\d+)$/);
    if (req.method === 'GET' && user) {
      const found = users.get(Number(user[1]));
      return found ? json(res, 200, found) : json(res, 404, { error: `no user ${user[1]}` });
    }
    if (req.method === 'POST' && req.url === '/_pact/state') {
      let change;
      try {
        change = JSON.parse(body.toString('utf8'));
      } catch (e) {
        return json(res, 400, { error: `state change is not JSON: ${e.message}` });
      }
      if (change.state === 'user 1 exists') {
        if (change.action === 'teardown') users.delete(1);
        else users.set(1, { id: 1, name: 'Ada' });
        return json(res, 200, { result: 'ok' });
      }
      if (upstreamState) return forward(req, res, upstreamState, body);
      return json(res, 400, { error: `unknown state '${change.state}'` });
    }
    if (upstream) return forward(req, res, upstream + req.url, body);
    return json(res, 404, { error: `no route ${req.method} ${req.url}` });
  });
});
server.listen(0, '127.0.0.1', () => console.log(`PORT ${server.address().port}`));

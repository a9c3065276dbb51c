// The GraphQL-over-HTTP POST handler of the interop servers: graphql-js executes each POST to
// /v1/graphql and its JSON.stringify writes the answer; anything else is 404, and a request that
// `authorized` refuses is 401.
const { graphql } = require('graphql');

module.exports = function graphqlPost(schema, rootValue, authorized = () => true) {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/graphql') {
      res.writeHead(404).end();
      return;
    }
    if (!authorized(req)) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'unauthorized' }] }));
      return;
    }
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', async () => {
      const { query, variables, operationName } = JSON.parse(body);
      const result = await graphql({ schema, rootValue, source: query, variableValues: variables, operationName });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(result));
    });
  };
};

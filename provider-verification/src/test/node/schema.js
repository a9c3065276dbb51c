// A small GraphQL schema for interop tests: a subscription that greets a name three times.
const { buildSchema } = require('graphql');

const schema = buildSchema(`
  type Query { hello: String! }
  type Subscription { greetings(name: String!): String! }
`);

const rootValue = {
  hello: () => 'world',
  greetings: async function* ({ name }) {
    for (const greeting of ['Hello', 'Bonjour', 'Hola']) {
      yield { greetings: `${greeting} ${name}` };
    }
  },
};

module.exports = { schema, rootValue };

package dev.subpact.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Purpose-made pacts for driver and engine tests. */
final class Pacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Pacts() {}

  /** {@code greetings(name:)}: the interop servers' subscription, expecting the given greetings exactly. */
  static GraphqlPact greetings(String subprotocol, String name, String... greetings) {
    List<ExpectedMessage> expected = new ArrayList<>();
    for (String g : greetings) {
      expected.add(ExpectedMessage.exactly(JSON.createObjectNode().set("data", JSON.createObjectNode().put("greetings", g))));
    }
    return new GraphqlPact("greeter", "interop", "1", List.of(new GraphqlInteraction("greetings", List.of(),
        Operation.of("subscription Greetings($name: String!) { greetings(name: $name) }", "Greetings", Map.of("name", name)),
        new Transport.WebSocket("/v1/graphql", List.of(subprotocol)), expected)));
  }

  /** {@code pact}'s interaction with a provider state whose {@code trigger} asks the backend to publish what it expects. */
  static GraphqlPact triggered(GraphqlPact pact, ExpectedMessage... expected) {
    GraphqlInteraction plain = pact.interactions().get(0);
    return new GraphqlPact(pact.consumer(), pact.provider(), pact.consumerVersion(), List.of(new GraphqlInteraction(plain.description(),
        List.of(new ProviderState("an event is published on the subscription", Map.of("field", "greetings"))),
        plain.operation(), plain.transport(), expected.length == 0 ? plain.expected() : List.of(expected))));
  }

  /** {@code pact}'s subscription with request metadata {@code "graphql.messages": "exact"}: its expected messages are the first ones received. */
  static GraphqlPact exact(GraphqlPact pact) {
    GraphqlInteraction plain = pact.interactions().get(0);
    Transport.WebSocket ws = (Transport.WebSocket) plain.transport();
    return new GraphqlPact(pact.consumer(), pact.provider(), pact.consumerVersion(), List.of(new GraphqlInteraction(plain.description(),
        plain.providerStates(), plain.operation(), new Transport.WebSocket(ws.path(), ws.subprotocols(), true), plain.expected())));
  }

  /** A subscription the interop schema does not have. */
  static GraphqlPact unknownField(String subprotocol) {
    return new GraphqlPact("greeter", "interop", "1", List.of(new GraphqlInteraction("farewells", List.of(),
        Operation.of("subscription Farewells { farewells }", "Farewells", Map.of()),
        new Transport.WebSocket("/v1/graphql", List.of(subprotocol)), List.of())));
  }

  /** {@code count} copies of one bot's subscription expecting the external message the reference backend pushes on trigger. */
  static GraphqlPact repeated(GraphqlPact bot, String description, int count) {
    GraphqlInteraction template = bot.interactions().stream().filter(i -> i.description().equals(description)).findFirst().orElseThrow();
    List<GraphqlInteraction> copies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      copies.add(new GraphqlInteraction(String.format("%s #%04d", description, i), template.providerStates(),
          template.operation(), template.transport(), template.expected()));
    }
    return new GraphqlPact(bot.consumer(), bot.provider(), bot.consumerVersion(), copies);
  }
}

package dev.subpact.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.reference.Build;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A process that behaves as the incident's bots do on the wire: offers {@code graphql-ws} then
 * {@code graphql-transport-ws}, sends its API key in {@code connection_init}, subscribes with the
 * client kit's wire text, then POSTs {@code DeleteEmessages}. It drives subpact's own WebSocket
 * client with the operations the bot's code holds; it expects nothing back but acceptance.
 */
final class BotStandIn {

  /**
   * What the stand-in's replay client knows of GraphQL: the aliased build's schema, which both client
   * kits' operations validate against. A bot never introspects, so neither may its stand-in: without a
   * schema, subpact's replay client would confirm silent subscriptions by introspecting, and capture
   * would record that query as one the bot sends.
   */
  private static final Schema KNOWN = SchemaLoader.fromSdl(Build.named("aliased").sdl(), "aliased.graphql");

  private BotStandIn() {}

  /** Runs the operations of {@code code} against the backend at {@code websocketUrl}; returns what it saw. */
  static List<InteractionReport> run(GraphqlPact code, URI websocketUrl, URI httpUrl, String apiKey) {
    ObjectNode init = JsonNodeFactory.instance.objectNode().put("apiKey", apiKey);
    ReplayConfig config =
        ReplayConfig.builder(websocketUrl).httpUrl(httpUrl).initPayload(init).settle(Duration.ofMillis(150)).concurrency(1)
            .schema(KNOWN).build();
    List<GraphqlInteraction> operations =
        code.interactions().stream()
            .map(i -> new GraphqlInteraction(i.description(), List.of(), i.operation(), i.transport(), List.of()))
            .toList();
    Report report = ReplayEngine.run(config, List.of(new GraphqlPact(code.consumer(), code.provider(), code.consumerVersion(), operations)));
    return report.results();
  }
}

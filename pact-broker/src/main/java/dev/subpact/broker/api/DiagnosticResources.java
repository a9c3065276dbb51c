package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.metrics.BrokerMetrics;
import io.javalin.Javalin;
import java.util.Set;

/**
 * What a load balancer and a monitoring system ask every replica, without credentials: the
 * heartbeat (the process answers: liveness), the dependencies (the database answers: readiness,
 * 503 when it does not) and {@code /metrics} (Prometheus text format).
 */
final class DiagnosticResources {

  static final String HEARTBEAT = "/diagnostic/status/heartbeat";
  static final String DEPENDENCIES = "/diagnostic/status/dependencies";
  static final String METRICS = "/metrics";

  /** Paths that answer without credentials: they name no pacticipant and change nothing. */
  static final Set<String> OPEN = Set.of(HEARTBEAT, DEPENDENCIES, METRICS);

  private DiagnosticResources() {}

  static void register(Javalin app, ApiContext api, BrokerMetrics metrics) {
    app.get(HEARTBEAT, ctx -> {
      ObjectNode body = Json.object().put("ok", true);
      body.putObject("_links").set("self", Json.link(api.links(ctx).to("diagnostic", "status", "heartbeat")));
      ApiContext.send(ctx, 200, body);
    });
    app.get(DEPENDENCIES, ctx -> {
      ObjectNode body = Json.object();
      ObjectNode database = body.putObject("database");
      boolean ok;
      try {
        ok = api.data().databaseAnswers();
        database.put("ok", ok);
      } catch (RuntimeException e) {
        ok = false;
        database.put("ok", false).put("error", e.getMessage());
      }
      body.put("ok", ok);
      body.putObject("_links").set("self", Json.link(api.links(ctx).to("diagnostic", "status", "dependencies")));
      ApiContext.send(ctx, ok ? 200 : 503, body);
    });
    app.get(METRICS, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }
}

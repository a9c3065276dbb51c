package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.contract.Contracts;
import dev.subpact.broker.dashboard.Dashboard;
import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.webhook.WebhookDispatcher;
import io.javalin.http.Context;

/** What every resource needs: the services, configuration, and request helpers. */
public record ApiContext(BrokerConfig config, BrokerData data, Contracts contracts, WebhookDispatcher webhooks,
    GraphqlAwareness graphql, Dashboard dashboard) {

  public static final String HAL_JSON = "application/hal+json;charset=utf-8";

  public Links links(Context ctx) {
    return Links.of(ctx, config.baseUrl());
  }

  public static void send(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType(HAL_JSON).result(Json.write(body));
  }

  /** The request body as JSON; 400 with the parse error when it is not JSON. */
  public static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return Json.object();
    }
    return Json.parse(text);
  }

  public static JsonNode objectBody(Context ctx) {
    JsonNode body = body(ctx);
    if (!body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object, got " + body.getNodeType() + ".");
    }
    return body;
  }
}

package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.contract.Contracts;
import dev.subpact.broker.dashboard.Dashboard;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.verification.PactsForVerification;
import dev.subpact.broker.webhook.WebhookDispatcher;
import io.javalin.http.Context;
import java.sql.SQLException;

/** What every resource needs: storage, services, configuration, and request helpers. */
public record ApiContext(BrokerConfig config, Database database, Repositories storage,
    Contracts contracts, WebhookDispatcher webhooks, Matrix matrix,
    PactsForVerification pactsForVerification, GraphqlAwareness graphql, Dashboard dashboard) {

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

  public Pacticipant pacticipantOr404(Tx tx, String name) throws SQLException {
    return storage.pacticipants().pacticipant(tx, name)
        .orElseThrow(() -> ApiException.notFound("No pacticipant named '" + name + "'."));
  }

  public Version versionOr404(Tx tx, String pacticipant, String number) throws SQLException {
    return storage.pacticipants().version(tx, pacticipant, number).orElseThrow(() -> ApiException.notFound(
        "No version '" + number + "' of pacticipant '" + pacticipant + "'."));
  }
}

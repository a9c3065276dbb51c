package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.matrix.MatrixQuery;
import dev.subpact.broker.matrix.Selector;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Version;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/** {@code /matrix} and {@code /can-i-deploy}. */
final class MatrixResources {

  private final ApiContext api;

  private MatrixResources(ApiContext api) {
    this.api = api;
  }

  static void register(Javalin app, ApiContext api) {
    MatrixResources r = new MatrixResources(api);
    app.get("/matrix", ctx -> r.respond(ctx, MatrixQuery.parse(ctx.queryString())));
    app.get("/can-i-deploy", r::canIDeploy);
  }

  private void canIDeploy(Context ctx) {
    String pacticipant = ctx.queryParam("pacticipant");
    String version = ctx.queryParam("version");
    String environment = ctx.queryParam("environment");
    String to = ctx.queryParam("to");
    if (pacticipant == null || (environment == null && to == null)) {
      throw ApiException.badRequest("can-i-deploy needs pacticipant, version (or latest) and environment"
          + " (or to=TAG), like /can-i-deploy?pacticipant=Foo&version=1.2.3&environment=production.");
    }
    Selector selector = new Selector(pacticipant, version, version == null, null, null, null, false);
    respond(ctx, new MatrixQuery(List.of(selector), List.of(), "cvp", to != null, to, environment,
        false, null, null));
  }

  private void respond(Context ctx, MatrixQuery query) {
    Links links = api.links(ctx);
    Matrix.Result result = api.data().read(tx -> tx.matrix(query));
    ObjectNode body = Json.object();
    ObjectNode summary = body.putObject("summary");
    if (result.deployable() == null) {
      summary.putNull("deployable");
    } else {
      summary.put("deployable", result.deployable());
    }
    summary.put("reason", result.reason());
    summary.put("success", result.success());
    summary.put("failed", result.failed());
    summary.put("unknown", result.unknown());
    if (result.ignored() > 0) {
      summary.put("ignored", result.ignored());
    }
    ArrayNode notices = body.putArray("notices");
    for (String notice : result.notices()) {
      notices.addObject().put("type", notice.startsWith("Ignoring") ? "warning" : "info").put("text", notice);
    }
    if (Boolean.FALSE.equals(result.deployable())) {
      notices.addObject().put("type", "failure").put("text", result.reason());
    }
    if (notices.isEmpty()) {
      notices.addObject().put("type", "info").put("text", result.reason());
    }
    ArrayNode rows = body.putArray("matrix");
    for (Matrix.Row row : result.rows()) {
      rows.add(row(links, row));
    }
    ApiContext.send(ctx, 200, body);
  }

  private ObjectNode row(Links links, Matrix.Row row) {
    Publication pact = row.pact();
    ObjectNode node = Json.object();
    node.set("consumer", party(links, pact.consumerVersion()));
    if (row.providerVersion() == null) {
      ObjectNode provider = node.putObject("provider").put("name", pact.provider());
      provider.putNull("version");
    } else {
      node.set("provider", party(links, row.providerVersion()));
    }
    ObjectNode pactNode = node.putObject("pact");
    pactNode.put("createdAt", pact.createdAt());
    pactNode.putObject("_links").set("self", Json.link(links.pactVersion(pact.provider(), pact.consumer(), pact.sha())));
    if (row.verification() == null) {
      node.putNull("verificationResult");
    } else {
      ObjectNode v = node.putObject("verificationResult");
      v.put("success", row.verification().success());
      v.put("verifiedAt", row.verification().createdAt());
      v.put("verifiedBy", "schema".equals(row.verification().kind()) ? "schema" : "provider");
      v.putObject("_links").set("self", Json.link(links.pactVersion(pact.provider(), pact.consumer(), pact.sha())
          + "/verification-results/" + row.verification().id()));
    }
    if (row.ignored()) {
      node.put("ignored", true);
    }
    return node;
  }

  private static ObjectNode party(Links links, Version version) {
    ObjectNode node = Json.object().put("name", version.pacticipant());
    node.putObject("_links").set("self", Json.link(links.pacticipant(version.pacticipant())));
    ObjectNode v = node.putObject("version").put("number", version.number());
    v.putObject("_links").set("self", Json.link(links.version(version.pacticipant(), version.number())));
    return node;
  }
}

package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.graphql.GraphqlAwareness.SchemaCheck;
import dev.subpact.broker.graphql.GraphqlAwareness.Usage;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/** The GraphQL-aware routes: a provider version's schema, and which consumers use a field. */
final class GraphqlResources {

  private GraphqlResources() {}

  static void register(Javalin app, ApiContext api) {
    GraphqlAwareness graphql = api.graphql();
    app.put("/pacticipants/{p}/versions/{v}/graphql-schema", ctx -> publishSchema(ctx, api));
    app.post("/pacticipants/{p}/versions/{v}/graphql-schema", ctx -> publishSchema(ctx, api));
    app.get("/pacticipants/{p}/versions/{v}/graphql-schema", ctx -> ctx.contentType("application/graphql; charset=utf-8")
        .result(graphql.schema(ctx.pathParam("p"), ctx.pathParam("v"))));
    app.get("/graphql/field-usage/{coordinate}", ctx -> sendUsages(ctx, graphql.usages(ctx.pathParam("coordinate")), false));
    app.get("/graphql/deprecated-usage/{provider}", ctx -> sendUsages(ctx, graphql.deprecatedInUse(ctx.pathParam("provider")), true));
  }

  private static void sendUsages(Context ctx, List<Usage> found, boolean deprecated) {
    ObjectNode body = Json.object();
    ArrayNode usages = body.putArray("usages");
    for (Usage u : found) {
      ObjectNode node = usages.addObject().put("coordinate", u.coordinate()).put("consumer", u.consumer())
          .put("consumerVersion", u.consumerVersion()).put("interaction", u.interaction());
      ArrayNode environments = node.putArray("environments");
      u.environments().forEach(environments::add);
      node.put("text", u.sentence(deprecated));
    }
    ApiContext.send(ctx, 200, body);
  }

  private static void publishSchema(Context ctx, ApiContext api) {
    String provider = ctx.pathParam("p");
    String number = ctx.pathParam("v");
    Links links = api.links(ctx);
    List<SchemaCheck> checks = api.graphql().publishSchema(links, provider, number, ctx.body());
    ObjectNode result = Json.object().put("provider", provider).put("version", number);
    ArrayNode checked = result.putArray("verifiedBySchema");
    for (SchemaCheck c : checks) {
      ObjectNode item = checked.addObject().put("consumer", c.pact().consumer())
          .put("consumerVersion", c.pact().consumerVersion().number()).put("success", c.success());
      ArrayNode problems = item.putArray("errors");
      c.errors().forEach(problems::add);
    }
    result.putObject("_links").set("self", Json.link(links.version(provider, number) + "/graphql-schema"));
    ApiContext.send(ctx, 200, result);
  }
}

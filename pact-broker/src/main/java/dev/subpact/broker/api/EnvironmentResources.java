package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Environments, and the deployed and released versions in them. */
final class EnvironmentResources {

  private final ApiContext api;
  private final Representations hal;

  private EnvironmentResources(ApiContext api) {
    this.api = api;
    this.hal = new Representations();
  }

  static void register(Javalin app, ApiContext api) {
    EnvironmentResources r = new EnvironmentResources(api);
    app.get("/environments", r::list);
    app.post("/environments", r::create);
    app.get("/environments/{uuid}", r::get);
    app.put("/environments/{uuid}", r::update);
    app.delete("/environments/{uuid}", r::delete);
    app.get("/environments/{uuid}/deployed-versions/currently-deployed", ctx -> r.current(ctx, false));
    app.get("/environments/{uuid}/released-versions/currently-supported", ctx -> r.current(ctx, true));
    app.get("/deployed-versions/{uuid}", ctx -> r.getDeployment(ctx, false));
    app.get("/released-versions/{uuid}", ctx -> r.getDeployment(ctx, true));
    app.patch("/deployed-versions/{uuid}", ctx -> r.patchDeployment(ctx, false));
    app.patch("/released-versions/{uuid}", ctx -> r.patchDeployment(ctx, true));
  }

  private void list(Context ctx) {
    Links links = api.links(ctx);
    String name = ctx.queryParam("name");
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray("environments");
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(links.to("environments"), "Environments"));
      ArrayNode linkItems = l.putArray("pb:environments");
      for (Environment e : tx.environments()) {
        if (name == null || name.equals(e.name())) {
          items.add(hal.environment(links, e));
          linkItems.add(Json.link(links.to("environments", e.uuid()), e.displayName() == null ? e.name() : e.displayName())
              .put("name", e.name()));
        }
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private record Fields(String name, String displayName, boolean production, String contacts) {}

  private static Fields fields(JsonNode body) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String name = Json.text(body, "name");
    if (name == null) {
      errors.put("name", List.of("is required"));
    } else if (name.contains(" ") || name.contains("/")) {
      errors.put("name", List.of("must not contain spaces or slashes (got '" + name + "'); use displayName for a readable name"));
    }
    JsonNode production = body.get("production");
    if (production != null && !production.isBoolean()) {
      errors.put("production", List.of("must be true or false"));
    }
    JsonNode contacts = body.get("contacts");
    if (contacts != null && !contacts.isNull() && !contacts.isArray()) {
      errors.put("contacts", List.of("must be an array"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new Fields(name, Json.text(body, "displayName"), production != null && production.asBoolean(),
        contacts == null || contacts.isNull() ? null : Json.write(contacts));
  }

  private void create(Context ctx) {
    Fields f = fields(ApiContext.objectBody(ctx));
    Links links = api.links(ctx);
    ObjectNode body = api.data().write(tx -> {
      if (tx.environmentNamed(f.name()).isPresent()) {
        throw ApiException.conflict("An environment named '" + f.name() + "' already exists.");
      }
      return hal.environment(links, tx.createEnvironment(UUID.randomUUID().toString(),
          f.name(), f.displayName(), f.production(), f.contacts()));
    });
    ApiContext.send(ctx, 201, body);
  }

  private Environment environmentOr404(Session tx, String uuid) {
    return tx.environment(uuid)
        .orElseThrow(() -> ApiException.notFound("No environment with UUID '" + uuid + "'."));
  }

  private void get(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> hal.environment(links, environmentOr404(tx, ctx.pathParam("uuid"))));
    ApiContext.send(ctx, 200, body);
  }

  private void update(Context ctx) {
    Fields f = fields(ApiContext.objectBody(ctx));
    Links links = api.links(ctx);
    String uuid = ctx.pathParam("uuid");
    boolean[] created = {false};
    ObjectNode body = api.data().write(tx -> {
      created[0] = tx.environment(uuid).isEmpty();
      var sameName = tx.environmentNamed(f.name());
      if (sameName.isPresent() && !sameName.get().uuid().equals(uuid)) {
        throw ApiException.conflict("Another environment (" + sameName.get().uuid() + ") is already named '" + f.name() + "'.");
      }
      Environment e = created[0]
          ? tx.createEnvironment(uuid, f.name(), f.displayName(), f.production(), f.contacts())
          : tx.updateEnvironment(uuid, f.name(), f.displayName(), f.production(), f.contacts());
      return hal.environment(links, e);
    });
    ApiContext.send(ctx, created[0] ? 201 : 200, body);
  }

  private void delete(Context ctx) {
    boolean deleted = api.data().write(tx -> tx.deleteEnvironment(ctx.pathParam("uuid")));
    if (!deleted) {
      throw ApiException.notFound("No environment with UUID '" + ctx.pathParam("uuid") + "'.");
    }
    ctx.status(204);
  }

  private void current(Context ctx, boolean releases) {
    Links links = api.links(ctx);
    String pacticipant = ctx.queryParam("pacticipant");
    String instance = ctx.queryParam("applicationInstance");
    if (instance == null) {
      instance = ctx.queryParam("target");
    }
    String applicationInstance = instance;
    ObjectNode body = api.data().read(tx -> {
      Environment e = environmentOr404(tx, ctx.pathParam("uuid"));
      List<Deployment> items = releases ? tx.currentReleases(e.uuid(), pacticipant)
          : tx.currentDeployments(e.uuid(), pacticipant);
      ObjectNode node = Json.object();
      ArrayNode list = node.putObject("_embedded").putArray(releases ? "releasedVersions" : "deployedVersions");
      for (Deployment d : items) {
        if (applicationInstance == null || applicationInstance.equals(d.applicationInstance())) {
          list.add(hal.deployment(tx, links, d, releases));
        }
      }
      node.putObject("_links").set("self", Json.link(ctx.url()));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void getDeployment(Context ctx, boolean release) {
    Links links = api.links(ctx);
    String uuid = ctx.pathParam("uuid");
    ObjectNode body = api.data().read(tx -> {
      var d = release ? tx.release(uuid) : tx.deployment(uuid);
      return hal.deployment(tx, links, d.orElseThrow(() -> ApiException.notFound(
          "No " + (release ? "released" : "deployed") + " version '" + uuid + "'.")), release);
    });
    ApiContext.send(ctx, 200, body);
  }

  private void patchDeployment(Context ctx, boolean release) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    String uuid = ctx.pathParam("uuid");
    String field = release ? "currentlySupported" : "currentlyDeployed";
    JsonNode value = body.get(field);
    if (value != null && (!value.isBoolean() || value.asBoolean())) {
      throw ApiException.invalid(Map.of(field, List.of("can only be set to false")));
    }
    ObjectNode result = api.data().write(tx -> {
      var d = release ? tx.release(uuid) : tx.deployment(uuid);
      if (d.isEmpty()) {
        throw ApiException.notFound("No " + (release ? "released" : "deployed") + " version '" + uuid + "'.");
      }
      if (value != null) {
        if (release) {
          tx.endSupport(uuid);
        } else {
          tx.undeploy(uuid);
        }
      }
      var updated = release ? tx.release(uuid) : tx.deployment(uuid);
      return hal.deployment(tx, links, updated.orElseThrow(), release);
    });
    ApiContext.send(ctx, 200, result);
  }
}

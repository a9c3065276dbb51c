package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Version;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** Pacticipants, their versions, branches and tags, and recording deployments and releases. */
final class PacticipantResources {

  private final ApiContext api;
  private final Representations hal;

  private PacticipantResources(ApiContext api) {
    this.api = api;
    this.hal = new Representations();
  }

  static void register(Javalin app, ApiContext api) {
    PacticipantResources r = new PacticipantResources(api);
    app.get("/pacticipants", r::list);
    app.post("/pacticipants", r::create);
    app.get("/pacticipants/{p}", r::get);
    app.patch("/pacticipants/{p}", ctx -> r.update(ctx, false));
    app.put("/pacticipants/{p}", ctx -> r.update(ctx, true));
    app.delete("/pacticipants/{p}", r::delete);
    app.get("/pacticipants/{p}/versions", r::versions);
    app.get("/pacticipants/{p}/versions/{v}", r::version);
    app.put("/pacticipants/{p}/versions/{v}", r::putVersion);
    app.get("/pacticipants/{p}/latest-version", ctx -> r.latestVersion(ctx, null));
    app.get("/pacticipants/{p}/latest-version/{tag}", ctx -> r.latestVersion(ctx, ctx.pathParam("tag")));
    app.get("/pacticipants/{p}/versions/{v}/tags/{tag}", r::getTag);
    app.put("/pacticipants/{p}/versions/{v}/tags/{tag}", r::putTag);
    app.delete("/pacticipants/{p}/versions/{v}/tags/{tag}", r::deleteTag);
    app.get("/pacticipants/{p}/branches", r::branches);
    app.get("/pacticipants/{p}/branches/{b}", r::branch);
    app.delete("/pacticipants/{p}/branches/{b}", r::deleteBranch);
    app.get("/pacticipants/{p}/branches/{b}/latest-version", r::latestOnBranch);
    app.put("/pacticipants/{p}/branches/{b}/versions/{v}", r::putBranchVersion);
    app.get("/pacticipants/{p}/branches/{b}/versions/{v}", r::getBranchVersion);
    app.post("/pacticipants/{p}/versions/{v}/deployed-versions/environment/{env}", ctx -> r.record(ctx, false));
    app.post("/pacticipants/{p}/versions/{v}/released-versions/environment/{env}", ctx -> r.record(ctx, true));
    app.get("/pacticipants/{p}/versions/{v}/deployed-versions/environment/{env}", ctx -> r.recorded(ctx, false));
    app.get("/pacticipants/{p}/versions/{v}/released-versions/environment/{env}", ctx -> r.recorded(ctx, true));
  }

  private void list(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ArrayNode items = node.putArray("pacticipants");
      ObjectNode l = Json.object();
      ArrayNode linkItems = l.putArray("pacticipants");
      for (Pacticipant p : tx.pacticipants()) {
        items.add(hal.pacticipant(tx, links, p));
        linkItems.add(Json.link(links.pacticipant(p.name()), p.name()));
      }
      l.set("self", Json.link(links.to("pacticipants")));
      node.set("_links", l);
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void create(Context ctx) {
    JsonNode body = ApiContext.objectBody(ctx);
    String name = Json.text(body, "name");
    if (name == null) {
      throw ApiException.invalid(java.util.Map.of("name", java.util.List.of("is required")));
    }
    Links links = api.links(ctx);
    ObjectNode result = api.data().write(tx -> {
      if (tx.pacticipant(name).isPresent()) {
        throw ApiException.conflict("A pacticipant named '" + name + "' already exists; PATCH "
            + links.pacticipant(name) + " to change it.");
      }
      Pacticipant created = tx.updatePacticipant(name, Json.text(body, "displayName"),
          repositoryUrl(body), Json.text(body, "mainBranch"));
      return hal.pacticipant(tx, links, created);
    });
    ApiContext.send(ctx, 201, result);
  }

  private static String repositoryUrl(JsonNode body) {
    String url = Json.text(body, "repositoryUrl");
    return url != null ? url : Json.text(body, "repository_url");
  }

  private void get(Context ctx) {
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    ObjectNode body = api.data().read(tx -> hal.pacticipant(tx, links, tx.existingPacticipant(name)));
    ApiContext.send(ctx, 200, body);
  }

  private void update(Context ctx, boolean replace) {
    JsonNode body = ApiContext.objectBody(ctx);
    String name = ctx.pathParam("p");
    Links links = api.links(ctx);
    boolean[] created = {false};
    ObjectNode result = api.data().write(tx -> {
      created[0] = tx.pacticipant(name).isEmpty();
      Pacticipant p = tx.updatePacticipant(name, Json.text(body, "displayName"),
          repositoryUrl(body), Json.text(body, "mainBranch"));
      if (replace) {
        tx.updatePacticipant(name, null, null, null);
      }
      return hal.pacticipant(tx, links, p);
    });
    ApiContext.send(ctx, created[0] ? 201 : 200, result);
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("p");
    api.data().write(tx -> {
      tx.deletePacticipant(tx.existingPacticipant(name));
      return null;
    });
    ctx.status(204);
  }

  private void versions(Context ctx) {
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(name);
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray("versions");
      for (Version v : tx.versions(name)) {
        items.add(hal.version(tx, links, v));
      }
      node.putObject("_links").set("self", Json.link(links.to("pacticipants", name, "versions")));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void version(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> hal.version(tx, links,
        tx.existingVersion(ctx.pathParam("p"), ctx.pathParam("v"))));
    ApiContext.send(ctx, 200, body);
  }

  private void putVersion(Context ctx) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    String number = ctx.pathParam("v");
    boolean[] created = {false};
    ObjectNode result = api.data().write(tx -> {
      created[0] = tx.version(name, number).isEmpty();
      Version v = tx.ensureVersion(name, number, Json.text(body, "buildUrl"));
      String branch = Json.text(body, "branch");
      if (branch != null) {
        tx.addToBranch(v, branch);
      }
      return hal.version(tx, links, v);
    });
    ApiContext.send(ctx, created[0] ? 201 : 200, result);
  }

  private void latestVersion(Context ctx, String tag) {
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(name);
      var version = tag == null ? tx.latestVersion(name)
          : tx.latestVersionWithTag(name, tag);
      return hal.version(tx, links, version.orElseThrow(() -> ApiException.notFound(
          "Pacticipant '" + name + "' has no version" + (tag == null ? "" : " tagged '" + tag + "'") + ".")));
    });
    ApiContext.send(ctx, 200, body);
  }

  private ObjectNode tagBody(Links links, String p, String v, String tag) {
    ObjectNode node = Json.object().put("name", tag);
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(links.to("pacticipants", p, "versions", v, "tags", tag), "Tag"));
    l.set("version", Json.link(links.version(p, v), v));
    return node;
  }

  private void getTag(Context ctx) {
    String p = ctx.pathParam("p");
    String v = ctx.pathParam("v");
    String tag = ctx.pathParam("tag");
    boolean exists = api.data().read(tx ->
        tx.tags(tx.existingVersion(p, v)).contains(tag));
    if (!exists) {
      throw ApiException.notFound("Version '" + v + "' of '" + p + "' has no tag '" + tag + "'.");
    }
    ApiContext.send(ctx, 200, tagBody(api.links(ctx), p, v, tag));
  }

  private void putTag(Context ctx) {
    String p = ctx.pathParam("p");
    String v = ctx.pathParam("v");
    String tag = ctx.pathParam("tag");
    boolean created = api.data().write(tx ->
        tx.tag(tx.ensureVersion(p, v, null), tag));
    ApiContext.send(ctx, created ? 201 : 200, tagBody(api.links(ctx), p, v, tag));
  }

  private void deleteTag(Context ctx) {
    boolean deleted = api.data().write(tx -> tx.deleteTag(tx.existingVersion(ctx.pathParam("p"), ctx.pathParam("v")), ctx.pathParam("tag")));
    if (!deleted) {
      throw ApiException.notFound("No tag '" + ctx.pathParam("tag") + "' on that version.");
    }
    ctx.status(204);
  }

  private void branches(Context ctx) {
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    ObjectNode body = api.data().read(tx -> {
      Pacticipant p = tx.existingPacticipant(name);
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray("branches");
      for (String branch : tx.branches(p)) {
        ObjectNode b = items.addObject().put("name", branch);
        b.putObject("_links").set("self", Json.link(links.to("pacticipants", name, "branches", branch)));
      }
      node.putObject("_links").set("self", Json.link(links.to("pacticipants", name, "branches")));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void branch(Context ctx) {
    Links links = api.links(ctx);
    String name = ctx.pathParam("p");
    String branch = ctx.pathParam("b");
    ObjectNode body = api.data().read(tx -> {
      Pacticipant p = tx.existingPacticipant(name);
      if (!tx.branches(p).contains(branch)) {
        throw ApiException.notFound("Pacticipant '" + name + "' has no branch '" + branch + "'.");
      }
      ObjectNode node = Json.object().put("name", branch);
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(links.to("pacticipants", name, "branches", branch)));
      l.set("pb:latest-version", Json.link(links.to("pacticipants", name, "branches", branch, "latest-version")));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void deleteBranch(Context ctx) {
    boolean deleted = api.data().write(tx -> tx.deleteBranch(tx.existingPacticipant(ctx.pathParam("p")), ctx.pathParam("b")));
    if (!deleted) {
      throw ApiException.notFound("No branch '" + ctx.pathParam("b") + "' for '" + ctx.pathParam("p") + "'.");
    }
    ctx.status(204);
  }

  private void latestOnBranch(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> hal.version(tx, links,
        tx.latestVersionOnBranch(ctx.pathParam("p"), ctx.pathParam("b"))
            .orElseThrow(() -> ApiException.notFound("No version of '" + ctx.pathParam("p")
                + "' on branch '" + ctx.pathParam("b") + "'."))));
    ApiContext.send(ctx, 200, body);
  }

  private void putBranchVersion(Context ctx) {
    Links links = api.links(ctx);
    boolean[] created = {false};
    ObjectNode body = api.data().write(tx -> {
      Version v = tx.ensureVersion(ctx.pathParam("p"), ctx.pathParam("v"), null);
      created[0] = tx.addToBranch(v, ctx.pathParam("b"));
      return branchVersion(links, v, ctx.pathParam("b"));
    });
    ApiContext.send(ctx, created[0] ? 201 : 200, body);
  }

  private void getBranchVersion(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> {
      Version v = tx.existingVersion(ctx.pathParam("p"), ctx.pathParam("v"));
      if (!tx.branchesOf(v).contains(ctx.pathParam("b"))) {
        throw ApiException.notFound("Version '" + v.number() + "' is not on branch '" + ctx.pathParam("b") + "'.");
      }
      return branchVersion(links, v, ctx.pathParam("b"));
    });
    ApiContext.send(ctx, 200, body);
  }

  private ObjectNode branchVersion(Links links, Version v, String branch) {
    ObjectNode node = Json.object().put("name", branch);
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(links.to("pacticipants", v.pacticipant(), "branches", branch, "versions", v.number())));
    l.set("pb:version", Json.link(links.version(v.pacticipant(), v.number())));
    return node;
  }

  private void record(Context ctx, boolean release) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    String instance = Json.text(body, "applicationInstance");
    if (instance == null) {
      instance = Json.text(body, "target");
    }
    String applicationInstance = instance;
    ObjectNode result = api.data().write(tx -> {
      Version v = tx.existingVersion(ctx.pathParam("p"), ctx.pathParam("v"));
      Environment e = tx.environment(ctx.pathParam("env"))
          .orElseThrow(() -> ApiException.notFound("No environment with UUID '" + ctx.pathParam("env") + "'."));
      Deployment d = release ? tx.recordRelease(v, e)
          : tx.recordDeployment(v, e, applicationInstance);
      return hal.deployment(tx, links, d, release);
    });
    ApiContext.send(ctx, 201, result);
  }

  private void recorded(Context ctx, boolean release) {
    Links links = api.links(ctx);
    ObjectNode result = api.data().read(tx -> {
      Version v = tx.existingVersion(ctx.pathParam("p"), ctx.pathParam("v"));
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray(release ? "releasedVersions" : "deployedVersions");
      for (Deployment d : tx.currentPlacesOf(v)) {
        boolean isRelease = d.applicationInstance() == null
            && tx.release(d.uuid()).isPresent();
        if (d.environment().uuid().equals(ctx.pathParam("env")) && isRelease == release) {
          items.add(hal.deployment(tx, links, d, release));
        }
      }
      return node;
    });
    ApiContext.send(ctx, 200, result);
  }
}

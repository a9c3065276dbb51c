package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.contract.ResourceUrls;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;

/** The HAL documents of the broker's resources, as the official broker shapes them. */
final class Representations {

  ObjectNode pacticipant(Session tx, Links links, Pacticipant p) {
    ObjectNode node = Json.object();
    node.put("name", p.name());
    node.put("displayName", DisplayName.of(p.name(), p.displayName()));
    putIfPresent(node, "repositoryUrl", p.repositoryUrl());
    putIfPresent(node, "mainBranch", p.mainBranch());
    node.put("createdAt", p.createdAt());
    node.put("updatedAt", p.updatedAt());
    var latest = tx.latestVersion(p.name());
    if (latest.isPresent()) {
      node.putObject("_embedded").set("latest-version", versionSummary(links, latest.get()));
    }
    ObjectNode l = node.putObject("_links");
    String self = links.pacticipant(p.name());
    l.set("self", Json.link(self, p.name()));
    l.set("pb:versions", Json.link(self + "/versions"));
    l.set("versions", Json.link(self + "/versions"));
    l.set("pb:version", Json.link(self + "/versions/{version}").put("templated", true));
    l.set("pb:version-tag", Json.link(self + "/versions/{version}/tags/{tag}").put("templated", true));
    l.set("pb:branch", Json.link(self + "/branches/{branch}").put("templated", true));
    l.set("pb:branches", Json.link(self + "/branches"));
    l.set("pb:branch-version", Json.link(self + "/branches/{branch}/versions/{version}").put("templated", true));
    l.set("pb:latest-version", Json.link(self + "/latest-version"));
    l.set("pb:can-i-deploy-badge", Json.link(self + "/latest-version/{tag}/can-i-deploy/to/{environment}/badge").put("templated", true));
    return node;
  }

  ObjectNode versionSummary(Links links, Version v) {
    ObjectNode node = Json.object().put("number", v.number());
    node.putObject("_links").set("self", Json.link(links.version(v.pacticipant(), v.number()), v.number()));
    return node;
  }

  ObjectNode version(Session tx, Links links, Version v) {
    ObjectNode node = Json.object();
    node.put("number", v.number());
    putIfPresent(node, "buildUrl", v.buildUrl());
    node.put("createdAt", v.createdAt());
    String self = links.version(v.pacticipant(), v.number());
    ObjectNode embedded = node.putObject("_embedded");
    ObjectNode pacticipant = embedded.putObject("pacticipant").put("name", v.pacticipant());
    pacticipant.putObject("_links").set("self", Json.link(links.pacticipant(v.pacticipant())));
    ArrayNode tags = embedded.putArray("tags");
    for (String tag : tx.tags(v)) {
      ObjectNode t = tags.addObject().put("name", tag);
      t.putObject("_links").set("self", Json.link(links.to("pacticipants", v.pacticipant(), "versions", v.number(), "tags", tag)));
    }
    ArrayNode branches = embedded.putArray("branchVersions");
    for (String branch : tx.branchesOf(v)) {
      boolean latest = tx.latestVersionOnBranch(v.pacticipant(), branch)
          .map(b -> b.id() == v.id()).orElse(false);
      ObjectNode b = branches.addObject().put("name", branch).put("latest", latest);
      b.putObject("_links").set("self", Json.link(links.to("pacticipants", v.pacticipant(), "branches", branch, "versions", v.number())));
    }
    ArrayNode environments = embedded.putArray("deployedVersions");
    for (Deployment d : tx.currentPlacesOf(v)) {
      if (d.applicationInstance() != null || d.current()) {
        environments.add(Json.object().put("environment", d.environment().name()));
      }
    }
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(self, "Version"));
    l.set("pb:pacticipant", Json.link(links.pacticipant(v.pacticipant()), v.pacticipant()));
    l.set("pb:tag", Json.link(self + "/tags/{tag}").put("templated", true));
    l.set("pb:latest-verification-results-where-pacticipant-is-consumer",
        Json.link(self + "/latest-verification-results-where-pacticipant-is-consumer"));
    l.set("pb:graphql-schema", Json.link(self + "/graphql-schema"));
    ArrayNode deploy = l.putArray("pb:record-deployment");
    ArrayNode release = l.putArray("pb:record-release");
    for (Environment e : tx.environments()) {
      deploy.add(Json.link(self + "/deployed-versions/environment/" + ResourceUrls.encode(e.uuid()),
          "Record deployment to " + (e.displayName() == null ? e.name() : e.displayName())).put("name", e.name()));
      release.add(Json.link(self + "/released-versions/environment/" + ResourceUrls.encode(e.uuid()),
          "Record release to " + (e.displayName() == null ? e.name() : e.displayName())).put("name", e.name()));
    }
    return node;
  }

  ObjectNode environment(Links links, Environment e) {
    ObjectNode node = Json.object();
    node.put("uuid", e.uuid());
    node.put("name", e.name());
    node.put("displayName", DisplayName.of(e.name(), e.displayName()));
    node.put("production", e.production());
    if (e.contacts() != null) {
      node.set("contacts", Json.parse(e.contacts()));
    }
    node.put("createdAt", e.createdAt());
    ObjectNode l = node.putObject("_links");
    String self = links.to("environments", e.uuid());
    l.set("self", Json.link(self, "Environment"));
    l.set("pb:currently-deployed-deployed-versions", Json.link(self + "/deployed-versions/currently-deployed"));
    l.set("pb:currently-supported-released-versions", Json.link(self + "/released-versions/currently-supported"));
    l.set("pb:environments", Json.link(links.to("environments")));
    return node;
  }

  ObjectNode deployment(Session tx, Links links, Deployment d, boolean release) {
    ObjectNode node = Json.object();
    node.put("uuid", d.uuid());
    if (release) {
      node.put("currentlySupported", d.current());
    } else {
      node.put("currentlyDeployed", d.current());
      putIfPresent(node, "applicationInstance", d.applicationInstance());
      putIfPresent(node, "target", d.applicationInstance());
    }
    node.put("createdAt", d.createdAt());
    if (d.endedAt() != null) {
      node.put(release ? "supportEndedAt" : "undeployedAt", d.endedAt());
    }
    ObjectNode embedded = node.putObject("_embedded");
    ObjectNode pacticipant = embedded.putObject("pacticipant").put("name", d.version().pacticipant());
    pacticipant.putObject("_links").set("self", Json.link(links.pacticipant(d.version().pacticipant())));
    embedded.set("version", versionSummary(links, d.version()));
    ((ObjectNode) embedded.get("version")).putObject("_embedded").putObject("pacticipant")
        .put("name", d.version().pacticipant());
    embedded.set("environment", environment(links, d.environment()));
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(links.to(release ? "released-versions" : "deployed-versions", d.uuid())));
    return node;
  }

  /** A pact document as published, with the broker's links added. */
  ObjectNode pact(Session tx, Links links, Publication p) {
    String content = tx.pactContent(p.sha()).orElseThrow();
    ObjectNode node = (ObjectNode) Json.parse(content);
    String self = links.pact(p.provider(), p.consumer(), p.consumerVersion().number());
    String pactVersion = links.pactVersion(p.provider(), p.consumer(), p.sha());
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(self, "Pact"));
    l.set("pb:consumer", Json.link(links.pacticipant(p.consumer()), "Consumer").put("name", p.consumer()));
    l.set("pb:consumer-version", Json.link(links.version(p.consumer(), p.consumerVersion().number()), "Consumer version")
        .put("name", p.consumerVersion().number()));
    l.set("pb:provider", Json.link(links.pacticipant(p.provider()), "Provider").put("name", p.provider()));
    l.set("pb:pact-version", Json.link(pactVersion, "Pact content version permalink").put("name", p.sha()));
    l.set("pb:latest-pact-version", Json.link(links.to("pacts", "provider", p.provider(), "consumer", p.consumer(), "latest"), "Latest version of this pact"));
    l.set("pb:all-pact-versions", Json.link(links.to("pacts", "provider", p.provider(), "consumer", p.consumer(), "versions"), "All versions of this pact"));
    l.set("pb:latest-verification-results", Json.link(pactVersion + "/verification-results/latest", "Latest verification results"));
    l.set("pb:publish-verification-results", Json.link(pactVersion + "/verification-results", "Publish verification results"));
    l.set("pb:matrix-for-consumer-version", Json.link(links.template("/matrix?q[][pacticipant]=" + ResourceUrls.encode(p.consumer())
        + "&q[][version]=" + ResourceUrls.encode(p.consumerVersion().number()) + "&latestby=cvp"), "View matrix rows for the consumer version to which this pact belongs"));
    node.put("createdAt", p.createdAt());
    return node;
  }

  ObjectNode pactSummary(Links links, Publication p) {
    return Json.link(links.pact(p.provider(), p.consumer(), p.consumerVersion().number()),
        "Pact between " + p.consumer() + " (v" + p.consumerVersion().number() + ") and " + p.provider())
        .put("name", p.consumer());
  }

  ObjectNode verification(Links links, Publication p, Verification v) {
    ObjectNode node = Json.object();
    node.put("providerName", p.provider());
    node.put("providerApplicationVersion", v.providerVersion().number());
    node.put("success", v.success());
    node.put("verifiedBy", Verification.SCHEMA.equals(v.kind()) ? "schema" : "provider");
    node.put("verificationDate", v.createdAt());
    putIfPresent(node, "buildUrl", v.buildUrl());
    if (v.testResults() != null) {
      node.set("testResults", Json.parse(v.testResults()));
    }
    ObjectNode l = node.putObject("_links");
    l.set("self", Json.link(links.pactVersion(p.provider(), p.consumer(), p.sha()) + "/verification-results/" + v.id(), "Verification result"));
    l.set("pb:pact-version", Json.link(links.pactVersion(p.provider(), p.consumer(), p.sha())));
    return node;
  }

  static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  static JsonNode nullable(String value) {
    return value == null ? Json.MAPPER.nullNode() : Json.MAPPER.getNodeFactory().textNode(value);
  }
}

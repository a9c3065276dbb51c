package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.contract.Contracts;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.verification.PactsForVerification;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Publishing and fetching pacts, verification results, and the pacts a provider must verify. */
final class PactResources {

  private static final String PACT = "/pacts/provider/{provider}/consumer/{consumer}";

  private final ApiContext api;
  private final Representations hal;

  private PactResources(ApiContext api) {
    this.api = api;
    this.hal = new Representations();
  }

  static void register(Javalin app, ApiContext api) {
    PactResources r = new PactResources(api);
    app.put(PACT + "/version/{version}", r::putPact);
    app.get(PACT + "/version/{version}", r::getPact);
    app.delete(PACT + "/version/{version}", r::deletePact);
    app.get(PACT + "/latest", ctx -> r.latest(ctx, null));
    app.get(PACT + "/latest/{tag}", ctx -> r.latest(ctx, ctx.pathParam("tag")));
    app.get(PACT + "/branch", ctx -> r.branchPacts(ctx, ctx.pathParam("consumer"), null, false));
    app.get(PACT + "/branch/latest", ctx -> r.branchPacts(ctx, ctx.pathParam("consumer"), null, true));
    app.get(PACT + "/branch/{branch}", ctx -> r.branchPacts(ctx, ctx.pathParam("consumer"), ctx.pathParam("branch"), false));
    app.get(PACT + "/branch/{branch}/latest", r::latestOnBranch);
    app.get(PACT + "/versions", r::pactVersions);
    app.get(PACT + "/pact-version/{sha}", r::bySha);
    app.get(PACT + "/pact-version/{sha}/metadata/{metadata}", r::bySha);
    app.post(PACT + "/pact-version/{sha}/verification-results", r::postVerification);
    app.post(PACT + "/pact-version/{sha}/metadata/{metadata}/verification-results", r::postVerification);
    app.get(PACT + "/pact-version/{sha}/verification-results/latest", r::latestVerification);
    app.get(PACT + "/pact-version/{sha}/verification-results/{id}", r::verification);
    app.get("/pacts/provider/{provider}/latest", ctx -> r.providerLatest(ctx, null));
    app.get("/pacts/provider/{provider}/latest/{tag}", ctx -> r.providerLatest(ctx, ctx.pathParam("tag")));
    app.get("/pacts/latest", r::allLatest);
    app.get("/pacts/provider/{provider}", ctx -> r.providerPacts(ctx, null));
    app.get("/pacts/provider/{provider}/tag/{tag}", ctx -> r.providerPacts(ctx, ctx.pathParam("tag")));
    app.get("/pacts/provider/{provider}/branch", ctx -> r.branchPacts(ctx, null, null, false));
    app.get("/pacts/provider/{provider}/branch/latest", ctx -> r.branchPacts(ctx, null, null, true));
    app.get("/pacts/provider/{provider}/branch/{branch}", ctx -> r.branchPacts(ctx, null, ctx.pathParam("branch"), false));
    app.get("/pacts/provider/{provider}/branch/{branch}/latest", ctx -> r.branchPacts(ctx, null, ctx.pathParam("branch"), true));
    app.get(PACT + "/tag/{tag}", r::taggedPactVersions);
    app.get("/integrations", r::integrations);
    app.get("/pacts/provider/{provider}/for-verification", r::forVerificationIndex);
    app.post("/pacts/provider/{provider}/for-verification", r::forVerification);
    app.post("/contracts/publish", r::publishContracts);
  }

  private void putPact(Context ctx) {
    JsonNode pact = ApiContext.body(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    Links links = api.links(ctx);
    var published = api.contracts().publish(links, consumer, ctx.pathParam("version"), null, List.of(),
        null, List.of(new Contracts.PactToPublish(provider, pact)));
    api.graphql().pactPublished(links, provider, published.get(0).publication().sha());
    ObjectNode body = api.data().read(tx -> hal.pact(tx, links, published.get(0).publication()));
    ApiContext.send(ctx, published.get(0).newPublication() ? 201 : 200, body);
  }

  private Publication publicationOr404(Session tx, Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String version = ctx.pathParam("version");
    Optional<Version> consumerVersion = tx.version(consumer, version);
    return (consumerVersion.isEmpty() ? Optional.<Publication>empty() : tx.publication(consumerVersion.get(), provider))
        .orElseThrow(() -> ApiException.notFound("No pact between consumer '" + consumer + "' version '"
            + version + "' and provider '" + provider + "'."));
  }

  private void getPact(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> hal.pact(tx, links, publicationOr404(tx, ctx)));
    ApiContext.send(ctx, 200, body);
  }

  private void deletePact(Context ctx) {
    api.data().write(tx -> tx.deletePublication(publicationOr404(tx, ctx)));
    ctx.status(204);
  }

  private void sendPact(Context ctx, Optional<Publication> found, String notFound) {
    Links links = api.links(ctx);
    Publication p = found.orElseThrow(() -> ApiException.notFound(notFound));
    ObjectNode body = api.data().read(tx -> hal.pact(tx, links, p));
    ctx.header("X-Pact-Consumer-Version", p.consumerVersion().number());
    ApiContext.send(ctx, 200, body);
  }

  private void latest(Context ctx, String tag) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    Optional<Publication> found = api.data().read(tx -> tag == null
        ? tx.latestPublication(provider, consumer)
        : tx.latestPublicationWithTag(provider, consumer, tag));
    sendPact(ctx, found, "No pact between consumer '" + consumer + "' and provider '" + provider + "'"
        + (tag == null ? "" : " for a consumer version tagged '" + tag + "'") + ".");
  }

  private void latestOnBranch(Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String branch = ctx.pathParam("branch");
    Optional<Publication> found = api.data().read(tx ->
        tx.latestPublicationOnBranch(provider, consumer, branch));
    sendPact(ctx, found, "No pact between consumer '" + consumer + "' on branch '" + branch
        + "' and provider '" + provider + "'.");
  }

  private void bySha(Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String sha = ctx.pathParam("sha");
    Optional<Publication> found = api.data().read(tx ->
        tx.publicationBySha(provider, consumer, sha));
    sendPact(ctx, found, "No pact version '" + sha + "' between consumer '" + consumer
        + "' and provider '" + provider + "'.");
  }

  private void pactVersions(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_links").putArray("pb:pact-versions");
      for (Publication p : tx.publications(provider, consumer)) {
        items.add(hal.pactSummary(links, p));
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void postVerification(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String sha = ctx.pathParam("sha");
    Verification v = api.contracts().verify(links, provider, consumer, sha, ApiContext.body(ctx));
    ObjectNode body = api.data().read(tx -> hal.verification(links,
        tx.publicationBySha(provider, consumer, sha).orElseThrow(), v));
    ApiContext.send(ctx, 201, body);
  }

  private void verification(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String sha = ctx.pathParam("sha");
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("No verification result '" + ctx.pathParam("id") + "'.");
    }
    ObjectNode body = api.data().read(tx -> {
      Publication p = tx.publicationBySha(provider, consumer, sha)
          .orElseThrow(() -> ApiException.notFound("No pact version '" + sha + "'."));
      Verification v = tx.verification(id).filter(x -> x.sha().equals(sha))
          .orElseThrow(() -> ApiException.notFound("No verification result " + id + " for pact version '" + sha + "'."));
      return hal.verification(links, p, v);
    });
    ApiContext.send(ctx, 200, body);
  }

  private void latestVerification(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String sha = ctx.pathParam("sha");
    ObjectNode body = api.data().read(tx -> {
      Publication p = tx.publicationBySha(provider, consumer, sha)
          .orElseThrow(() -> ApiException.notFound("No pact version '" + sha + "'."));
      Verification v = tx.verificationsOf(sha, provider).stream().findFirst()
          .orElseThrow(() -> ApiException.notFound("Pact version '" + sha + "' has no verification results yet."));
      return hal.verification(links, p, v);
    });
    ApiContext.send(ctx, 200, body);
  }

  private void providerLatest(Context ctx, String tag) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(provider);
      ObjectNode node = Json.object();
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(links.to("pacts", "provider", provider, "latest"), "Latest pact versions for the provider " + provider));
      l.set("provider", Json.link(links.pacticipant(provider), provider));
      ArrayNode pacts = l.putArray("pb:pacts");
      for (String consumer : tx.consumersOf(provider)) {
        Optional<Publication> p = tag == null ? tx.latestPublication(provider, consumer)
            : tx.latestPublicationWithTag(provider, consumer, tag);
        p.ifPresent(x -> pacts.add(hal.pactSummary(links, x)));
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void providerPacts(Context ctx, String tag) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(provider);
      ObjectNode node = Json.object();
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(ctx.url()));
      l.set("provider", Json.link(links.pacticipant(provider), provider));
      ArrayNode pacts = l.putArray("pb:pacts");
      List<Publication> all = tag == null ? tx.publicationsForProvider(provider)
          : tx.publicationsWithTag(provider, tag);
      all.forEach(p -> pacts.add(hal.pactSummary(links, p)));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  /**
   * The provider's pacts from a branch ({@code null}: each consumer's main branch), all versions or
   * the latest per consumer, optionally of one consumer: what the official CLI's {@code get-pacts} reads.
   */
  private void branchPacts(Context ctx, String consumer, String branch, boolean latest) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(provider);
      List<Publication> found = new ArrayList<>();
      if (branch != null) {
        found.addAll(latest ? tx.latestPublicationsOnBranch(provider, branch)
            : tx.publicationsOnBranch(provider, branch));
      } else if (latest) {
        found.addAll(tx.latestPublicationsOnMainBranches(provider));
      } else {
        for (String c : tx.consumersOf(provider)) {
          String main = tx.existingPacticipant(c).mainBranch();
          if (main != null) {
            tx.publicationsOnBranch(provider, main).stream().filter(p -> p.consumer().equals(c)).forEach(found::add);
          }
        }
      }
      ObjectNode node = Json.object();
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(ctx.url(), (latest ? "Latest pacts" : "Pacts") + " of " + (consumer == null ? "every consumer" : consumer)
          + " with " + provider + " from " + (branch == null ? "the main branch" : "branch " + branch)));
      l.set("pb:provider", Json.link(links.pacticipant(provider), provider).put("name", provider));
      ArrayNode pacts = l.putArray("pb:pacts");
      found.stream().filter(p -> consumer == null || p.consumer().equals(consumer)).forEach(p -> pacts.add(hal.pactSummary(links, p)));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void taggedPactVersions(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String tag = ctx.pathParam("tag");
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object().put("tag", tag);
      ArrayNode pacts = node.putObject("_links").putArray("pb:pact-versions");
      for (Publication p : tx.publicationsWithTag(provider, tag)) {
        if (p.consumer().equals(consumer)) {
          pacts.add(hal.pactSummary(links, p));
        }
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void integrations(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray("integrations");
      for (Publication p : tx.latestPublications()) {
        ObjectNode item = items.addObject();
        item.putObject("consumer").put("name", p.consumer()).putObject("_links").set("self", Json.link(links.pacticipant(p.consumer())));
        item.putObject("provider").put("name", p.provider()).putObject("_links").set("self", Json.link(links.pacticipant(p.provider())));
        item.put("latestPactPublishedAt", p.createdAt());
        item.putObject("_links").set("pb:latest-pact", Json.link(links.to("pacts", "provider", p.provider(), "consumer", p.consumer(), "latest")));
      }
      node.putObject("_links").set("self", Json.link(links.to("integrations")));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void allLatest(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      node.putObject("_links").set("self", Json.link(links.to("pacts", "latest")));
      ArrayNode pacts = node.putArray("pacts");
      for (Publication p : tx.latestPublications()) {
        ObjectNode item = pacts.addObject();
        ObjectNode l = item.putObject("_links");
        ArrayNode self = l.putArray("self");
        self.add(Json.link(links.to("pacts", "provider", p.provider(), "consumer", p.consumer(), "latest"), "Latest version of this pact"));
        self.add(Json.link(links.pact(p.provider(), p.consumer(), p.consumerVersion().number()), "This version of this pact"));
        ObjectNode embedded = item.putObject("_embedded");
        ObjectNode consumer = embedded.putObject("consumer").put("name", p.consumer());
        consumer.putObject("_links").set("self", Json.link(links.pacticipant(p.consumer())));
        consumer.putObject("_embedded").putObject("version").put("number", p.consumerVersion().number());
        ObjectNode provider = embedded.putObject("provider").put("name", p.provider());
        provider.putObject("_links").set("self", Json.link(links.pacticipant(p.provider())));
        item.put("createdAt", p.createdAt());
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void forVerificationIndex(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    ObjectNode body = Json.object();
    body.putObject("_links").set("self", Json.link(links.to("pacts", "provider", provider, "for-verification"),
        "POST consumerVersionSelectors here to get the pacts to verify"));
    ApiContext.send(ctx, 200, body);
  }

  private void forVerification(Context ctx) {
    Links links = api.links(ctx);
    String provider = ctx.pathParam("provider");
    PactsForVerification.Request request = PactsForVerification.Request.parse(ApiContext.body(ctx));
    ObjectNode body = api.data().read(tx -> {
      tx.existingPacticipant(provider);
      ObjectNode node = Json.object();
      ArrayNode pacts = node.putObject("_embedded").putArray("pacts");
      for (PactsForVerification.Selected s : tx.pactsForVerification(provider, request)) {
        Publication p = s.pact();
        ObjectNode item = pacts.addObject();
        item.put("shortDescription", (s.wip() ? "WIP " : "") + "latest of " + p.consumer() + " (" + p.consumerVersion().number() + ")");
        ObjectNode properties = item.putObject("verificationProperties");
        properties.put("pending", s.pending());
        if (s.wip()) {
          properties.put("wip", true);
        }
        ArrayNode notices = properties.putArray("notices");
        String url = links.pactVersion(p.provider(), p.consumer(), p.sha());
        notices.addObject().put("when", "before_verification").put("text",
            "The pact at " + url + " is being verified because it matches the following configured selection criterion: "
                + String.join(", ", s.reasons()));
        if (s.pending()) {
          String branch = request.providerVersionBranch() == null ? "" : " from branch '" + request.providerVersionBranch() + "'";
          notices.addObject().put("when", "before_verification").put("text",
              "This pact is in pending state for this version of " + provider + " because a successful verification result for "
                  + provider + branch + " does not yet exist. As such, it will not cause a failure of the verification process.");
          notices.addObject().put("when", "after_verification:success_false").put("text",
              "This pact is still in pending state for " + provider + branch + " as the successful verification results have not yet been published. The failure does not fail the build.");
          notices.addObject().put("when", "after_verification:success_true").put("text",
              "This pact is no longer in pending state for " + provider + branch + " once these successful verification results are published.");
        } else {
          notices.addObject().put("when", "before_verification").put("text",
              "This pact has previously been successfully verified by " + provider
                  + ". If this verification fails, it will fail the build.");
        }
        ObjectNode l = item.putObject("_links");
        // "name", as the official broker's verifiable pact: Pact JVM names the pact it verifies after it
        l.set("self", Json.link(url).put("name", "Pact between " + p.consumer() + " (" + p.consumerVersion().number() + ") and " + provider));
      }
      node.putObject("_links").set("self", Json.link(links.to("pacts", "provider", provider, "for-verification"),
          "Pacts to be verified"));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void publishContracts(Context ctx) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String consumer = Json.text(body, "pacticipantName");
    String version = Json.text(body, "pacticipantVersionNumber");
    if (consumer == null) {
      errors.put("pacticipantName", List.of("is required"));
    }
    if (version == null) {
      errors.put("pacticipantVersionNumber", List.of("is required"));
    }
    JsonNode contracts = body.get("contracts");
    if (contracts == null || !contracts.isArray() || contracts.isEmpty()) {
      errors.put("contracts", List.of("must be a non-empty array of {consumerName, providerName, specification, contentType, content}"));
    }
    List<Contracts.PactToPublish> pacts = new ArrayList<>();
    List<String> mergeProviders = new ArrayList<>();
    if (contracts != null && contracts.isArray()) {
      for (int i = 0; i < contracts.size(); i++) {
        JsonNode contract = contracts.get(i);
        String provider = Json.text(contract, "providerName");
        String content = Json.text(contract, "content");
        if (provider == null) {
          errors.put("contracts[" + i + "].providerName", List.of("is required"));
          continue;
        }
        String consumerName = Json.text(contract, "consumerName");
        if (consumerName != null && consumer != null && !consumerName.equals(consumer)) {
          errors.put("contracts[" + i + "].consumerName", List.of("must match pacticipantName '" + consumer + "'"));
        }
        String specification = Json.text(contract, "specification");
        if (specification != null && !specification.equals("pact")) {
          errors.put("contracts[" + i + "].specification", List.of("'" + specification + "' is not supported; use 'pact'"));
        }
        if (content == null) {
          errors.put("contracts[" + i + "].content", List.of("is required (the pact JSON, Base64-encoded)"));
          continue;
        }
        String json;
        try {
          json = new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          errors.put("contracts[" + i + "].content", List.of("is not valid Base64: " + e.getMessage()));
          continue;
        }
        pacts.add(new Contracts.PactToPublish(provider, Json.parse(json)));
        if ("merge".equals(Json.text(contract, "onConflict"))) {
          mergeProviders.add(provider);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<Contracts.PactToPublish> toPublish = api.contracts().mergedWithPublished(consumer, version, pacts, mergeProviders);
    List<String> tags = new ArrayList<>();
    JsonNode tagNode = body.get("tags");
    if (tagNode != null && tagNode.isArray()) {
      tagNode.forEach(t -> tags.add(t.asText()));
    }
    String branch = Json.text(body, "branch");
    var published = api.contracts().publish(links, consumer, version, branch, tags,
        Json.text(body, "buildUrl"), toPublish);
    for (var p : published) {
      api.graphql().pactPublished(links, p.publication().provider(), p.publication().sha());
    }
    ObjectNode result = Json.object();
    ObjectNode embedded = result.putObject("_embedded");
    embedded.putObject("pacticipant").put("name", consumer)
        .putObject("_links").set("self", Json.link(links.pacticipant(consumer)));
    embedded.putObject("version").put("number", version)
        .putObject("_links").set("self", Json.link(links.version(consumer, version)));
    ArrayNode logs = result.putArray("logs");
    if (branch != null) {
      logs.addObject().put("level", "info").put("message", "Added branch " + branch + " to " + consumer + " version " + version);
    }
    for (var p : published) {
      String what = p.newPublication() ? "Created" : p.contentChanged() ? "Updated" : "Republished unchanged";
      logs.addObject().put("level", "info").put("message", what + " " + consumer + " version " + version
          + " pact with " + p.publication().provider() + " (content " + p.publication().sha().substring(0, 12) + ")");
    }
    if (published.isEmpty()) {
      logs.addObject().put("level", "info").put("message", "Nothing to publish");
    }
    ObjectNode l = result.putObject("_links");
    l.set("pb:pacticipant", Json.link(links.pacticipant(consumer), consumer).put("name", consumer));
    l.set("pb:pacticipant-version", Json.link(links.version(consumer, version), version).put("name", version));
    ArrayNode tagLinks = l.putArray("pb:pacticipant-version-tags");
    for (String tag : tags) {
      tagLinks.add(Json.link(links.to("pacticipants", consumer, "versions", version, "tags", tag)).put("name", tag));
    }
    ArrayNode contractLinks = l.putArray("pb:contracts");
    for (var p : published) {
      contractLinks.add(Json.link(links.pact(p.publication().provider(), consumer, version),
          "Pact between " + consumer + " (" + version + ") and " + p.publication().provider())
          .put("name", "Pact between " + consumer + " (" + version + ") and " + p.publication().provider()));
    }
    ApiContext.send(ctx, 200, result);
  }
}

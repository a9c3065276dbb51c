package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Timestamps;
import dev.subpact.broker.model.Webhook;
import dev.subpact.broker.model.WebhookExecution;
import dev.subpact.broker.webhook.BrokerEvent;
import dev.subpact.broker.webhook.Redaction;
import dev.subpact.broker.webhook.WebhookDispatcher;
import dev.subpact.broker.webhook.WebhookRequest;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creating, updating, executing webhooks and reading their execution logs. */
final class WebhookResources {

  private final ApiContext api;

  private WebhookResources(ApiContext api) {
    this.api = api;
  }

  static void register(Javalin app, ApiContext api) {
    WebhookResources r = new WebhookResources(api);
    app.get("/webhooks", r::list);
    app.post("/webhooks", ctx -> r.create(ctx, null, null));
    app.post("/webhooks/provider/{provider}/consumer/{consumer}",
        ctx -> r.create(ctx, ctx.pathParam("provider"), ctx.pathParam("consumer")));
    app.post("/webhooks/provider/{provider}", ctx -> r.create(ctx, ctx.pathParam("provider"), null));
    app.post("/webhooks/consumer/{consumer}", ctx -> r.create(ctx, null, ctx.pathParam("consumer")));
    app.get("/webhooks/{uuid}", r::get);
    app.put("/webhooks/{uuid}", r::put);
    app.delete("/webhooks/{uuid}", r::delete);
    app.post("/webhooks/{uuid}/execute", r::execute);
    app.get("/webhooks/{uuid}/executions", r::executions);
  }

  private void list(Context ctx) {
    Links links = api.links(ctx);
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ObjectNode l = node.putObject("_links");
      l.set("self", Json.link(links.to("webhooks"), "Webhooks"));
      ArrayNode items = l.putArray("pb:webhooks");
      ArrayNode embedded = node.putObject("_embedded").putArray("webhooks");
      for (Webhook w : tx.webhooks()) {
        items.add(Json.link(links.to("webhooks", w.uuid()), w.description()));
        embedded.add(representation(links, w));
      }
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }

  private void create(Context ctx, String provider, String consumer) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    ObjectNode result = api.data().write(tx -> {
      if (provider != null) {
        tx.existingPacticipant(provider);
      }
      if (consumer != null) {
        tx.existingPacticipant(consumer);
      }
      Webhook webhook = validated(tx, UUID.randomUUID().toString(), body, provider, consumer, null);
      tx.saveWebhook(webhook);
      return representation(links, webhook);
    });
    ApiContext.send(ctx, 201, result);
  }

  private void put(Context ctx) {
    JsonNode body = ApiContext.objectBody(ctx);
    Links links = api.links(ctx);
    String uuid = ctx.pathParam("uuid");
    boolean[] created = {false};
    ObjectNode result = api.data().write(tx -> {
      var existing = tx.webhook(uuid);
      created[0] = existing.isEmpty();
      Webhook webhook = validated(tx, uuid, body, null, null, existing.map(Webhook::createdAt).orElse(null));
      tx.saveWebhook(webhook);
      return representation(links, webhook);
    });
    ApiContext.send(ctx, created[0] ? 201 : 200, result);
  }

  private Webhook validated(Session tx, String uuid, JsonNode body,
      String pathProvider, String pathConsumer, String createdAt) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String consumer = pathConsumer != null ? pathConsumer : Json.text(body.get("consumer"), "name");
    String provider = pathProvider != null ? pathProvider : Json.text(body.get("provider"), "name");
    if (consumer != null && tx.pacticipant(consumer).isEmpty()) {
      errors.put("consumer.name", List.of("No pacticipant named '" + consumer + "' exists"));
    }
    if (provider != null && tx.pacticipant(provider).isEmpty()) {
      errors.put("provider.name", List.of("No pacticipant named '" + provider + "' exists"));
    }
    List<String> events = new ArrayList<>();
    JsonNode eventNodes = body.get("events");
    if (eventNodes == null || !eventNodes.isArray() || eventNodes.isEmpty()) {
      errors.put("events", List.of("must be a non-empty array like [{\"name\": \"contract_content_changed\"}]"));
    } else {
      for (JsonNode event : eventNodes) {
        String name = Json.text(event, "name");
        if (name == null || !BrokerEvent.NAMES.contains(name)) {
          errors.computeIfAbsent("events", k -> new ArrayList<>())
              .add("'" + name + "' is not an event; use one of " + BrokerEvent.NAMES);
        } else if (!events.contains(name)) {
          events.add(name);
        }
      }
    }
    JsonNode request = body.get("request");
    if (request == null || !request.isObject()) {
      errors.put("request", List.of("is required: {method, url, headers, body}"));
    } else {
      String url = Json.text(request, "url");
      if (url == null) {
        errors.put("request.url", List.of("is required"));
      } else {
        String probe = url.replaceAll("\\$\\{pactbroker\\.[A-Za-z]+}", "x");
        api.webhooks().allowList().refusal(probe).ifPresent(why -> errors.put("request.url", List.of(why)));
      }
      List<String> headerProblems = WebhookRequest.headerProblems(request);
      if (!headerProblems.isEmpty()) {
        errors.put("request.headers", headerProblems);
      }
      String method = Json.text(request, "method");
      if (method == null) {
        errors.put("request.method", List.of("is required"));
      } else if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method.toUpperCase(java.util.Locale.ROOT))) {
        errors.put("request.method", List.of("'" + method + "' is not an allowed HTTP method"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    String now = Timestamps.now();
    JsonNode enabled = body.get("enabled");
    return new Webhook(uuid, Json.text(body, "description"), consumer, Json.text(body.get("consumer"), "label"),
        provider, Json.text(body.get("provider"), "label"), events, Json.write(request),
        enabled == null || enabled.asBoolean(true), createdAt == null ? now : createdAt, now);
  }

  private ObjectNode representation(Links links, Webhook w) {
    ObjectNode node = Json.object();
    node.put("uuid", w.uuid());
    Representations.putIfPresent(node, "description", w.description());
    if (w.consumerName() != null || w.consumerLabel() != null) {
      ObjectNode c = node.putObject("consumer");
      Representations.putIfPresent(c, "name", w.consumerName());
      Representations.putIfPresent(c, "label", w.consumerLabel());
    }
    if (w.providerName() != null || w.providerLabel() != null) {
      ObjectNode p = node.putObject("provider");
      Representations.putIfPresent(p, "name", w.providerName());
      Representations.putIfPresent(p, "label", w.providerLabel());
    }
    ArrayNode events = node.putArray("events");
    w.events().forEach(e -> events.addObject().put("name", e));
    node.set("request", Redaction.template(Json.parse(w.request())));
    node.put("enabled", w.enabled());
    node.put("createdAt", w.createdAt());
    node.put("updatedAt", w.updatedAt());
    ObjectNode l = node.putObject("_links");
    String self = links.to("webhooks", w.uuid());
    l.set("self", Json.link(self, w.description() == null ? "Webhook" : w.description()));
    l.set("pb:execute", Json.link(self + "/execute", "Test the execution of the webhook with the latest matching pact or verification"));
    l.set("pb:executions", Json.link(self + "/executions", "Execution logs"));
    l.set("pb:webhooks", Json.link(links.to("webhooks"), "All webhooks"));
    if (w.consumerName() != null) {
      l.set("pb:consumer", Json.link(links.pacticipant(w.consumerName()), w.consumerName()));
    }
    if (w.providerName() != null) {
      l.set("pb:provider", Json.link(links.pacticipant(w.providerName()), w.providerName()));
    }
    return node;
  }

  private Webhook webhookOr404(String uuid) {
    return api.data().read(tx -> tx.webhook(uuid))
        .orElseThrow(() -> ApiException.notFound("No webhook with UUID '" + uuid + "'."));
  }

  private void get(Context ctx) {
    ApiContext.send(ctx, 200, representation(api.links(ctx), webhookOr404(ctx.pathParam("uuid"))));
  }

  private void delete(Context ctx) {
    if (!api.data().write(tx -> tx.deleteWebhook(ctx.pathParam("uuid")))) {
      throw ApiException.notFound("No webhook with UUID '" + ctx.pathParam("uuid") + "'.");
    }
    ctx.status(204);
  }

  /** Runs the webhook now with the latest matching pact (or sample values) and returns the log. */
  private void execute(Context ctx) {
    Links links = api.links(ctx);
    Webhook webhook = webhookOr404(ctx.pathParam("uuid"));
    BrokerEvent event = api.data().read(tx -> {
      Publication latest = null;
      for (Publication p : tx.latestPublications()) {
        if ((webhook.consumerName() == null || webhook.consumerName().equals(p.consumer()))
            && (webhook.providerName() == null || webhook.providerName().equals(p.provider()))) {
          latest = p;
        }
      }
      String name = webhook.events().isEmpty() ? BrokerEvent.CONTRACT_PUBLISHED : webhook.events().get(0);
      if (latest == null) {
        return new BrokerEvent(name, webhook.consumerName() == null ? "" : webhook.consumerName(),
            webhook.providerName() == null ? "" : webhook.providerName(), Map.of());
      }
      Map<String, String> values = new LinkedHashMap<>();
      values.put("pactUrl", links.pactVersion(latest.provider(), latest.consumer(), latest.sha()));
      values.put("consumerVersionNumber", latest.consumerVersion().number());
      return new BrokerEvent(name, latest.consumer(), latest.provider(), values);
    });
    WebhookDispatcher.Execution execution = api.webhooks().execute(webhook, event);
    ObjectNode body = Json.object();
    body.put("success", execution.success());
    body.put("attempts", execution.attempts());
    body.put("logs", execution.log());
    body.putObject("_links").set("webhook", Json.link(links.to("webhooks", webhook.uuid())));
    ApiContext.send(ctx, 200, body);
  }

  private void executions(Context ctx) {
    Links links = api.links(ctx);
    String uuid = ctx.pathParam("uuid");
    webhookOr404(uuid);
    ObjectNode body = api.data().read(tx -> {
      ObjectNode node = Json.object();
      ArrayNode items = node.putObject("_embedded").putArray("executions");
      for (WebhookExecution e : tx.executions(uuid)) {
        items.addObject().put("event", e.event()).put("success", e.success()).put("attempts", e.attempts())
            .put("logs", e.log()).put("createdAt", e.createdAt());
      }
      node.putObject("_links").set("self", Json.link(links.to("webhooks", uuid, "executions")));
      return node;
    });
    ApiContext.send(ctx, 200, body);
  }
}

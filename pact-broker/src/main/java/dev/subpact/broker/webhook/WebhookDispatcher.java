package dev.subpact.broker.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.api.Json;
import dev.subpact.broker.storage.BrokerRepository;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Delivers webhooks for broker events in the background: renders each matching webhook's request,
 * refuses URLs off the allow-list, retries on connection errors and 5xx with exponential backoff,
 * and records every execution with its log.
 */
public final class WebhookDispatcher implements AutoCloseable {

  /** The outcome of one delivery. */
  public record Execution(boolean success, int attempts, String log) {}

  private final Database database;
  private final BrokerRepository repository;
  private final AllowList allowList;
  private final int maxAttempts;
  private final Duration backoff;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "subpact-webhooks");
    thread.setDaemon(true);
    return thread;
  });

  public WebhookDispatcher(Database database, BrokerRepository repository, AllowList allowList,
      int maxAttempts, Duration backoff) {
    this.database = database;
    this.repository = repository;
    this.allowList = allowList;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
  }

  public AllowList allowList() {
    return allowList;
  }

  /** Queues delivery of every enabled webhook subscribed to the event's name and pacticipants. */
  public void fire(List<BrokerEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<Webhook> webhooks = database.read(repository::webhooks);
    for (BrokerEvent event : events) {
      for (Webhook webhook : webhooks) {
        if (webhook.enabled() && webhook.events().contains(event.name()) && matches(webhook, event)) {
          executor.submit(() -> deliverAndRecord(webhook, event));
        }
      }
    }
  }

  private static boolean matches(Webhook webhook, BrokerEvent event) {
    return (webhook.consumerName() == null || webhook.consumerName().equals(event.consumer()))
        && (webhook.providerName() == null || webhook.providerName().equals(event.provider()));
  }

  private void deliverAndRecord(Webhook webhook, BrokerEvent event) {
    Execution execution = deliver(webhook, event);
    database.write(tx -> {
      repository.addExecution(tx, webhook.uuid(), event.name(), execution.success(),
          execution.attempts(), execution.log());
      return null;
    });
  }

  /** Delivers now, on the calling thread, and records the execution. */
  public Execution execute(Webhook webhook, BrokerEvent event) {
    Execution execution = deliver(webhook, event);
    database.write(tx -> {
      repository.addExecution(tx, webhook.uuid(), event.name(), execution.success(),
          execution.attempts(), execution.log());
      return null;
    });
    return execution;
  }

  private Execution deliver(Webhook webhook, BrokerEvent event) {
    JsonNode template = Json.parse(webhook.request());
    WebhookRequest request = WebhookRequest.render(template, event);
    StringBuilder log = new StringBuilder();
    log.append("Webhook ").append(webhook.uuid()).append(" triggered by ").append(event.name())
        .append(" (").append(event.consumer()).append(" -> ").append(event.provider()).append(")\n");
    var refusal = allowList.refusal(request.url());
    if (refusal.isPresent()) {
      log.append("Refused: ").append(refusal.get()).append('\n');
      return new Execution(false, 0, log.toString());
    }
    Duration delay = backoff;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      log.append("Attempt ").append(attempt).append(": ").append(request.method()).append(' ')
          .append(request.url()).append('\n');
      try {
        HttpResponse<String> response = http.send(build(request), HttpResponse.BodyHandlers.ofString());
        log.append("Response ").append(response.statusCode()).append(": ")
            .append(abbreviate(response.body())).append('\n');
        if (response.statusCode() < 500) {
          boolean success = response.statusCode() < 300;
          return new Execution(success, attempt, log.toString());
        }
      } catch (java.io.IOException e) {
        log.append("Error: ").append(e.getClass().getSimpleName()).append(' ')
            .append(e.getMessage()).append('\n');
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.append("Interrupted\n");
        return new Execution(false, attempt, log.toString());
      }
      if (attempt < maxAttempts) {
        log.append("Retrying in ").append(delay.toMillis()).append("ms\n");
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new Execution(false, attempt, log.toString());
        }
        delay = delay.multipliedBy(2);
      }
    }
    log.append("Gave up after ").append(maxAttempts).append(" attempts\n");
    return new Execution(false, maxAttempts, log.toString());
  }

  private static HttpRequest build(WebhookRequest request) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofSeconds(10));
    request.headers().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals("content-length") && !lower.equals("host") && !lower.equals("connection")) {
        builder.header(name, value);
      }
    });
    if (request.username() != null) {
      String credentials = request.username() + ":" + (request.password() == null ? "" : request.password());
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpRequest.BodyPublisher body = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
    return builder.method(request.method(), body).build();
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replace('\n', ' ');
    return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
  }

  /** Waits for queued deliveries (bounded) and stops the worker threads. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}

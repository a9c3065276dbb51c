package dev.subpact.broker.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Webhook;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.storage.WebhookDeliveries;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks for broker events through a queue in the database that every replica shares
 * ({@link WebhookDeliveries}): {@link #enqueue} writes one delivery per matching webhook in the
 * transaction of the event itself, so an acknowledged publish always has its deliveries, even when
 * this replica dies right after; each replica's worker claims due deliveries under a lease, makes
 * one attempt, and records the outcome, retrying connection errors and 5xx with exponential
 * backoff kept in the database. Refused URLs (off the allow-list) are never called.
 *
 * <p>Once per event across replicas: a delivery is held by one replica at a time. A replica that dies
 * mid-attempt leaves its lease to expire, and another replica attempts again; the request carries
 * {@value #DELIVERY_HEADER} so that a receiver can drop the one duplicate such a crash can cause.
 */
public final class WebhookDispatcher implements AutoCloseable {

  /** How much of a webhook response is read (and dropped) before the connection is closed. */
  static final int RESPONSE_CAP = 4096;

  /** The header naming the delivery, the same on every attempt. */
  public static final String DELIVERY_HEADER = "X-Subpact-Delivery";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration LEASE = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);

  /** The outcome of one delivery. */
  public record Execution(boolean success, int attempts, String log) {}

  /**
   * One attempt's outcome: {@code sent} when a request went out (a refused URL is never called),
   * {@code retry} when a later attempt may succeed.
   */
  private record Attempt(boolean sent, boolean success, boolean retry) {
    static final Attempt REFUSED = new Attempt(false, false, false);
  }

  private final Database database;
  private final Repositories storage;
  private final WebhookDeliveries deliveries;
  private final AllowList allowList;
  private final int maxAttempts;
  private final Duration backoff;
  private final String replica = UUID.randomUUID().toString();
  private final AtomicLong failures = new AtomicLong();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final Object wake = new Object();
  private final Thread worker;
  private volatile boolean open = true;

  public WebhookDispatcher(Database database, Repositories storage, AllowList allowList,
      int maxAttempts, Duration backoff) {
    this.database = database;
    this.storage = storage;
    this.deliveries = new WebhookDeliveries(database.dialect());
    this.allowList = allowList;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    this.worker = new Thread(this::work, "subpact-webhooks");
    this.worker.setDaemon(true);
    this.worker.start();
  }

  public AllowList allowList() {
    return allowList;
  }

  /**
   * Queues, in {@code tx}, one delivery of each event to every enabled webhook subscribed to its
   * name and pacticipants; call {@link #nudge()} once {@code tx} committed.
   */
  public void enqueue(Tx tx, List<BrokerEvent> events) throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    List<Webhook> webhooks = storage.webhooks().webhooks(tx);
    long now = System.currentTimeMillis();
    for (BrokerEvent event : events) {
      for (Webhook webhook : webhooks) {
        if (webhook.enabled() && webhook.events().contains(event.name()) && matches(webhook, event)) {
          deliveries.add(tx, webhook.uuid(), event.name(), write(event), now);
        }
      }
    }
  }

  /** Wakes this replica's worker: deliveries were queued. */
  public void nudge() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** Deliveries waiting across every replica (the queue's depth). */
  public long pending() {
    return database.read(deliveries::pending);
  }

  /** Deliveries that ended failed on this replica since it started. */
  public long failures() {
    return failures.get();
  }

  private static boolean matches(Webhook webhook, BrokerEvent event) {
    return (webhook.consumerName() == null || webhook.consumerName().equals(event.consumer()))
        && (webhook.providerName() == null || webhook.providerName().equals(event.provider()));
  }

  private void work() {
    while (open) {
      boolean delivered = false;
      try {
        delivered = deliverNextDue();
      } catch (RuntimeException e) {
        LOG.warn("Webhook delivery failed unexpectedly; the delivery is attempted again when its lease ends", e);
      }
      if (!delivered) {
        synchronized (wake) {
          try {
            wake.wait(POLL.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }
    }
  }

  /** Claims one due delivery, makes one attempt and records it; false when none was due. */
  boolean deliverNextDue() {
    long now = System.currentTimeMillis();
    Optional<WebhookDeliveries.Delivery> claimed =
        database.write(tx -> deliveries.claim(tx, replica, now, now + LEASE.toMillis()));
    if (claimed.isEmpty()) {
      return false;
    }
    WebhookDeliveries.Delivery delivery = claimed.get();
    BrokerEvent event = read(delivery.event());
    StringBuilder log = new StringBuilder(delivery.log());
    Optional<Webhook> webhook = database.read(tx -> storage.webhooks().webhook(tx, delivery.webhookUuid()));
    Attempt attempt;
    if (webhook.isEmpty()) {
      log.append("Webhook ").append(delivery.webhookUuid()).append(" was deleted before delivery\n");
      attempt = Attempt.REFUSED;
    } else {
      if (delivery.attempts() == 0) {
        header(log, webhook.get(), event);
      }
      attempt = attempt(webhook.get(), event, delivery.attempts() + 1, String.valueOf(delivery.id()), log);
    }
    int attempts = delivery.attempts() + (attempt.sent() ? 1 : 0);
    if (attempt.retry() && attempts < maxAttempts) {
      Duration delay = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
      log.append("Retrying in ").append(delay.toMillis()).append("ms\n");
      database.write(tx -> {
        deliveries.reschedule(tx, delivery.id(), attempts, log.toString(), System.currentTimeMillis() + delay.toMillis());
        return null;
      });
      return true;
    }
    if (attempt.retry()) {
      log.append("Gave up after ").append(maxAttempts).append(" attempts\n");
    }
    if (!attempt.success()) {
      failures.incrementAndGet();
    }
    database.write(tx -> {
      deliveries.finish(tx, delivery.id(), attempt.success() ? WebhookDeliveries.SUCCEEDED : WebhookDeliveries.FAILED,
          attempts, log.toString());
      storage.webhooks().addExecution(tx, delivery.webhookUuid(), delivery.eventName(), attempt.success(), attempts,
          log.toString());
      return null;
    });
    return true;
  }

  /** Delivers now, on the calling thread, with every retry, and records the execution. */
  public Execution execute(Webhook webhook, BrokerEvent event) {
    StringBuilder log = new StringBuilder();
    header(log, webhook, event);
    String id = "test-" + UUID.randomUUID();
    Duration delay = backoff;
    Execution execution = null;
    for (int attempt = 1; execution == null; attempt++) {
      Attempt outcome = attempt(webhook, event, attempt, id, log);
      if (!outcome.retry() || attempt == maxAttempts) {
        if (outcome.retry()) {
          log.append("Gave up after ").append(maxAttempts).append(" attempts\n");
        }
        execution = new Execution(outcome.success(), outcome.sent() ? attempt : attempt - 1, log.toString());
      } else {
        log.append("Retrying in ").append(delay.toMillis()).append("ms\n");
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          execution = new Execution(false, attempt, log.append("Interrupted\n").toString());
        }
        delay = delay.multipliedBy(2);
      }
    }
    Execution done = execution;
    database.write(tx -> {
      storage.webhooks().addExecution(tx, webhook.uuid(), event.name(), done.success(), done.attempts(), done.log());
      return null;
    });
    return done;
  }

  private static void header(StringBuilder log, Webhook webhook, BrokerEvent event) {
    log.append("Webhook ").append(webhook.uuid()).append(" triggered by ").append(event.name())
        .append(" (").append(event.consumer()).append(" -> ").append(event.provider()).append(")\n");
  }

  /**
   * One attempt: the request rendered, refused when the stored request cannot be sent or its URL is
   * off the allow-list, sent, its status logged. The log holds what readers may see: the URL with its
   * secrets masked ({@link Redaction}) and the status — never the response body, which an allowed
   * internal host would otherwise make readable; the body is read up to {@value #RESPONSE_CAP} bytes
   * and dropped, so a huge answer costs the broker nothing.
   */
  private Attempt attempt(Webhook webhook, BrokerEvent event, int number, String deliveryId, StringBuilder log) {
    WebhookRequest request;
    HttpRequest httpRequest;
    try {
      JsonNode template = Json.parse(webhook.request());
      List<String> problems = WebhookRequest.headerProblems(template);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      request = WebhookRequest.render(template, event);
      var refusal = allowList.refusalToDeliver(request.url());
      if (refusal.isPresent()) {
        log.append("Refused: ").append(refusal.get()).append('\n');
        return Attempt.REFUSED;
      }
      httpRequest = build(request, deliveryId);
    } catch (RuntimeException e) {
      // the message may quote the URL (URI syntax errors do): shown with its secrets masked, like every URL here
      String why = java.util.regex.Pattern.compile("\\S+://\\S+").matcher(String.valueOf(e.getMessage()))
          .replaceAll(url -> java.util.regex.Matcher.quoteReplacement(Redaction.url(url.group())));
      log.append("Refused: the stored request cannot be sent: ").append(why)
          .append(". Update the webhook with PUT /webhooks/").append(webhook.uuid()).append('\n');
      return Attempt.REFUSED;
    }
    log.append("Attempt ").append(number).append(": ").append(request.method()).append(' ')
        .append(Redaction.url(request.url())).append('\n');
    try {
      HttpResponse<InputStream> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        body.readNBytes(RESPONSE_CAP);
      }
      log.append("Response ").append(response.statusCode()).append('\n');
      return new Attempt(true, response.statusCode() < 300, response.statusCode() >= 500);
    } catch (java.io.IOException e) {
      log.append("Error: ").append(e.getClass().getSimpleName()).append(' ')
          .append(e.getMessage()).append('\n');
      return new Attempt(true, false, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.append("Interrupted\n");
      return new Attempt(true, false, true);
    }
  }

  private static String write(BrokerEvent event) {
    ObjectNode node = Json.object().put("name", event.name()).put("consumer", event.consumer())
        .put("provider", event.provider());
    ObjectNode values = node.putObject("values");
    event.values().forEach(values::put);
    return Json.write(node);
  }

  private static BrokerEvent read(String json) {
    JsonNode node = Json.parse(json);
    Map<String, String> values = new LinkedHashMap<>();
    node.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return new BrokerEvent(node.path("name").asText(), node.path("consumer").asText(), node.path("provider").asText(),
        values);
  }

  private static HttpRequest build(WebhookRequest request, String deliveryId) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(Duration.ofSeconds(10))
        .header(DELIVERY_HEADER, deliveryId);
    request.headers().forEach(builder::header);
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

  /** Stops this replica's worker; deliveries it did not make stay queued for the other replicas (or the next start). */
  @Override
  public void close() {
    open = false;
    nudge();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.subpact.graphql.check.FixStyle;
import dev.subpact.graphql.schema.Schema;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to replay: where the backend is, how to connect, how long to wait. Build with
 * {@link #builder(URI)}.
 *
 * @param websocketUrl the GraphQL WebSocket endpoint, e.g. {@code ws://host:port/graphql}
 * @param httpUrl the GraphQL HTTP endpoint for queries and mutations (default: the WebSocket URL
 *     with {@code http}/{@code https})
 * @param stateUrl the provider-state change URL, or {@code null} for none
 * @param initPayload the {@code connection_init} payload (may hold a secret: never printed)
 * @param headers request headers (e.g. {@code Authorization}) sent on GraphQL HTTP requests,
 *     introspection and the WebSocket upgrade, not on state changes (values may be secrets: never printed)
 * @param concurrency interactions replayed at the same time
 * @param timeout how long one interaction may take
 * @param settle how long an interaction with no expected messages listens for an error (at least;
 *     longer when the backend answers slowly, see {@link AnswerTimes})
 * @param liveWindow how long after {@code subscribe} without {@code error}, {@code complete} or a
 *     close (or until a first result) before the subscription counts as live and the {@code
 *     trigger} is posted (at least; longer when the backend answers slowly)
 * @param runTimeout the whole run ends by then, whatever happens
 * @param shard the shard of the run: which whole pacts to replay
 * @param schema the backend's schema, for the full static error list of a rejected operation;
 *     {@code null}: introspect the backend when needed
 * @param baseline the schema the consumers run against today (e.g. production's), or {@code null}:
 *     the evidence for what a contract cannot say itself, e.g. whether a field now a {@code Float}
 *     was an {@code Int} its consumer reads as an integer
 * @param fixStyles the languages fix hints are written in; empty: the ones the schema suggests
 */
public record ReplayConfig(
    URI websocketUrl,
    URI httpUrl,
    URI stateUrl,
    JsonNode initPayload,
    Map<String, String> headers,
    int concurrency,
    Duration timeout,
    Duration settle,
    Duration liveWindow,
    Duration runTimeout,
    Shard shard,
    Schema schema,
    Schema baseline,
    List<FixStyle> fixStyles) {

  public static final int DEFAULT_CONCURRENCY = 8;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(250);
  public static final Duration DEFAULT_LIVE_WINDOW = Duration.ofMillis(100);
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(10);

  public ReplayConfig {
    Objects.requireNonNull(websocketUrl, "websocketUrl");
    if (httpUrl == null) {
      httpUrl = URI.create(websocketUrl.toString().replaceFirst("^ws", "http"));
    }
    if (initPayload == null) {
      initPayload = JsonNodeFactory.instance.objectNode();
    }
    fixStyles = fixStyles == null ? List.of() : List.copyOf(fixStyles);
    headers = headers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(headers));
    if (concurrency < 1) {
      throw new IllegalArgumentException("Concurrency must be at least 1, not " + concurrency + ".");
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(settle, "settle");
    Objects.requireNonNull(liveWindow, "liveWindow");
    Objects.requireNonNull(runTimeout, "runTimeout");
    shard = shard == null ? Shard.ALL : shard;
  }

  /** Never shows the {@code connection_init} payload: it may hold an API key. */
  @Override
  public String toString() {
    return "ReplayConfig[websocketUrl=" + websocketUrl + ", httpUrl=" + httpUrl + ", stateUrl=" + stateUrl
        + ", initPayload=<hidden>, headers=" + headers.keySet() + " (values hidden), concurrency=" + concurrency + ", timeout=" + timeout + ", settle=" + settle
        + ", liveWindow=" + liveWindow + ", runTimeout=" + runTimeout + ", shard=" + shard
        + ", schema=" + (schema == null ? null : schema.origin())
        + ", baseline=" + (baseline == null ? null : baseline.origin()) + "]";
  }

  public static Builder builder(URI websocketUrl) {
    return new Builder(websocketUrl);
  }

  /** Builds a {@link ReplayConfig}; every setting but the WebSocket URL has a default. */
  public static final class Builder {
    private final URI websocketUrl;
    private URI httpUrl;
    private URI stateUrl;
    private JsonNode initPayload;
    private final Map<String, String> headers = new TreeMap<>();
    private int concurrency = DEFAULT_CONCURRENCY;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration settle = DEFAULT_SETTLE;
    private Duration liveWindow = DEFAULT_LIVE_WINDOW;
    private Duration runTimeout = DEFAULT_RUN_TIMEOUT;
    private Shard shard = Shard.ALL;
    private Schema schema;
    private Schema baseline;
    private List<FixStyle> fixStyles = List.of();

    private Builder(URI websocketUrl) {
      this.websocketUrl = websocketUrl;
    }

    public Builder httpUrl(URI url) {
      this.httpUrl = url;
      return this;
    }

    public Builder stateUrl(URI url) {
      this.stateUrl = url;
      return this;
    }

    public Builder initPayload(JsonNode payload) {
      this.initPayload = payload;
      return this;
    }

    /** Adds a request header for GraphQL HTTP requests, introspection and the WebSocket upgrade. */
    public Builder header(String name, String value) {
      this.headers.put(name, value);
      return this;
    }

    public Builder concurrency(int n) {
      this.concurrency = n;
      return this;
    }

    public Builder timeout(Duration d) {
      this.timeout = d;
      return this;
    }

    public Builder settle(Duration d) {
      this.settle = d;
      return this;
    }

    public Builder liveWindow(Duration d) {
      this.liveWindow = d;
      return this;
    }

    public Builder runTimeout(Duration d) {
      this.runTimeout = d;
      return this;
    }

    public Builder shard(Shard s) {
      this.shard = s;
      return this;
    }

    public Builder schema(Schema s) {
      this.schema = s;
      return this;
    }

    public Builder baseline(Schema s) {
      this.baseline = s;
      return this;
    }

    public Builder fixStyles(List<FixStyle> styles) {
      this.fixStyles = styles;
      return this;
    }

    public ReplayConfig build() {
      return new ReplayConfig(websocketUrl, httpUrl, stateUrl, initPayload, headers, concurrency, timeout, settle, liveWindow, runTimeout, shard, schema, baseline, fixStyles);
    }
  }
}

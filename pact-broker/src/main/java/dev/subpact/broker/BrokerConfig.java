package dev.subpact.broker;

import java.time.Duration;
import java.util.List;

/**
 * How to run a broker.
 *
 * @param host interface to bind (127.0.0.1 for tests, 0.0.0.0 to serve a team)
 * @param port TCP port; 0 lets the OS choose
 * @param database {@code sqlite:PATH} or {@code postgresql://user:password@host:port/db}
 * @param baseUrl absolute URL used in links, or null to use the request's scheme and host
 * @param basicAuth {@code USER:PASS} allowed to read and write, or null
 * @param readOnlyAuth {@code USER:PASS} allowed to read only, or null
 * @param token bearer token allowed to read and write, or null
 * @param publicRead when true, reads need no credentials even when auth is configured
 * @param webhookHosts hosts webhooks may call: exact names, {@code *.suffix}, {@code host:port}, addresses,
 *     CIDR ranges, or {@code *} for any host on a public address (see {@code AllowList})
 * @param webhookSchemes URL schemes webhooks may use
 * @param webhookAttempts how many times a webhook is tried before giving up
 * @param webhookBackoff delay before the first retry, doubled for each further retry
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param allowContractModification when true, publishing a consumer version again with different
 *     content replaces its pact (the official broker's {@code allow_dangerous_contract_modification});
 *     otherwise that answers 409
 * @param accessLog one line per request on standard error: {@code off}, {@code text} or {@code json}
 */
public record BrokerConfig(String host, int port, String database, String baseUrl, String basicAuth,
    String readOnlyAuth, String token, boolean publicRead, List<String> webhookHosts,
    List<String> webhookSchemes, int webhookAttempts, Duration webhookBackoff, long maxBodyBytes,
    boolean allowContractModification, String accessLog) {

  public static final int DEFAULT_PORT = 9292;
  public static final String DEFAULT_DATABASE = "sqlite:.subpact/broker.db";

  public BrokerConfig {
    webhookHosts = List.copyOf(webhookHosts);
    webhookSchemes = List.copyOf(webhookSchemes);
    if (!ACCESS_LOGS.contains(accessLog)) {
      throw new IllegalArgumentException("Unknown access log format '" + accessLog + "': use off, text or json.");
    }
  }

  /** The access log formats. */
  public static final List<String> ACCESS_LOGS = List.of("off", "text", "json");

  /** A broker on 127.0.0.1 with the given database, no auth, webhooks to any public host, 10 MB bodies. */
  public static BrokerConfig local(int port, String database) {
    return new BrokerConfig("127.0.0.1", port, database, null, null, null, null, false,
        List.of("*"), List.of("http", "https"), 4, Duration.ofSeconds(1), 10L * 1024 * 1024, false, "off");
  }

  public BrokerConfig withBaseUrl(String url) {
    return new BrokerConfig(host, port, database, url, basicAuth, readOnlyAuth, token, publicRead,
        webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, maxBodyBytes, allowContractModification, accessLog);
  }

  public BrokerConfig withAuth(String basic, String readOnly, String bearer, boolean anyoneReads) {
    return new BrokerConfig(host, port, database, baseUrl, basic, readOnly, bearer, anyoneReads,
        webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, maxBodyBytes, allowContractModification, accessLog);
  }

  public BrokerConfig withWebhooks(List<String> hosts, List<String> schemes, int attempts,
      Duration backoff) {
    return new BrokerConfig(host, port, database, baseUrl, basicAuth, readOnlyAuth, token,
        publicRead, hosts, schemes, attempts, backoff, maxBodyBytes, allowContractModification, accessLog);
  }

  public BrokerConfig withMaxBodyBytes(long bytes) {
    return new BrokerConfig(host, port, database, baseUrl, basicAuth, readOnlyAuth, token,
        publicRead, webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, bytes, allowContractModification, accessLog);
  }

  public BrokerConfig withHost(String bindHost) {
    return new BrokerConfig(bindHost, port, database, baseUrl, basicAuth, readOnlyAuth, token,
        publicRead, webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, maxBodyBytes, allowContractModification, accessLog);
  }

  public BrokerConfig withContractModification(boolean allow) {
    return new BrokerConfig(host, port, database, baseUrl, basicAuth, readOnlyAuth, token,
        publicRead, webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, maxBodyBytes, allow, accessLog);
  }

  public BrokerConfig withAccessLog(String format) {
    return new BrokerConfig(host, port, database, baseUrl, basicAuth, readOnlyAuth, token, publicRead,
        webhookHosts, webhookSchemes, webhookAttempts, webhookBackoff, maxBodyBytes, allowContractModification, format);
  }
}

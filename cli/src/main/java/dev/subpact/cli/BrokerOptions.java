package dev.subpact.cli;

import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * The broker options every broker-facing command shares, with the official Pact CLI's names and
 * short flags as aliases ({@code -b/--broker-base-url}, {@code -u/-p}, {@code -k/--broker-token}) and
 * its environment variables.
 */
public final class BrokerOptions {

  @Option(names = {"-b", "--broker", "--broker-base-url"}, paramLabel = "URL", defaultValue = "${env:PACT_BROKER_BASE_URL}", description = "The broker's base URL (env PACT_BROKER_BASE_URL).")
  String broker;

  @Option(names = {"-u", "--username", "--broker-username"}, paramLabel = "USER", defaultValue = "${env:PACT_BROKER_USERNAME}", description = "Basic auth user (env PACT_BROKER_USERNAME).")
  String username;

  @Option(names = {"-p", "--password", "--broker-password"}, paramLabel = "PASSWORD", defaultValue = "${env:PACT_BROKER_PASSWORD}", description = "Basic auth password (env PACT_BROKER_PASSWORD).")
  String password;

  @Option(names = {"-k", "--token", "--broker-token"}, paramLabel = "TOKEN", defaultValue = "${env:PACT_BROKER_TOKEN}", description = "Bearer token (env PACT_BROKER_TOKEN).")
  String token;

  /** Whether a broker URL was given (by option or environment). */
  boolean given() {
    return broker != null && !broker.isBlank();
  }

  /** A client for the broker; a user error when none is configured or the options conflict. */
  BrokerClient client() {
    if (!given()) {
      throw new UserInputException("No broker given: pass --broker URL or set PACT_BROKER_BASE_URL.");
    }
    URI url;
    try {
      url = URI.create(broker);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--broker '" + broker + "' is not a URL: " + e.getMessage(), e);
    }
    if (has(token) && has(username)) {
      throw new UserInputException("Give either --token or --username/--password, not both.");
    }
    BrokerAuth auth = has(token) ? BrokerAuth.bearer(token) : has(username) ? BrokerAuth.basic(username, password) : BrokerAuth.none();
    return BrokerClient.of(url, auth);
  }

  private static boolean has(String value) {
    return value != null && !value.isBlank();
  }
}

package dev.subpact.broker.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How the client authenticates to a broker: not at all, HTTP Basic, or a bearer token. */
public sealed interface BrokerAuth {

  /** The {@code Authorization} header value, if any. */
  Optional<String> header();

  static BrokerAuth none() {
    return new None();
  }

  static BrokerAuth basic(String username, String password) {
    return new Basic(username, password);
  }

  static BrokerAuth bearer(String token) {
    return new Bearer(token);
  }

  record None() implements BrokerAuth {
    @Override
    public Optional<String> header() {
      return Optional.empty();
    }
  }

  record Basic(String username, String password) implements BrokerAuth {
    @Override
    public Optional<String> header() {
      String pair = username + ":" + (password == null ? "" : password);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic(" + username + ", ****)";
    }
  }

  record Bearer(String token) implements BrokerAuth {
    @Override
    public Optional<String> header() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer(****)";
    }
  }
}

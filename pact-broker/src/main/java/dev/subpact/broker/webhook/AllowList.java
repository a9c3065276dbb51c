package dev.subpact.broker.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Which URLs webhooks may call: allowed schemes, and hosts by exact name, {@code *.suffix} or {@code *}. */
public record AllowList(List<String> hosts, List<String> schemes) {

  /** Why {@code url} may not be called, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("The webhook URL '" + url + "' is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || scheme.isEmpty()) {
      return Optional.of("The webhook URL '" + url + "' must be absolute, like https://ci.example.com/hook.");
    }
    if (!schemes.contains(scheme)) {
      return Optional.of("The scheme '" + scheme + "' of webhook URL '" + url
          + "' is not allowed; allowed schemes: " + schemes + ".");
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    boolean allowed = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).anyMatch(pattern ->
        pattern.equals("*") || pattern.equals(host)
            || (pattern.startsWith("*.") && host.endsWith(pattern.substring(1))));
    if (!allowed) {
      return Optional.of("The host '" + host + "' of webhook URL '" + url
          + "' is not on the broker's webhook host allow-list " + hosts
          + "; start the broker with --webhook-host " + host + " to allow it.");
    }
    return Optional.empty();
  }
}

package dev.subpact.broker.contract;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the broker serves a resource, for the URLs webhook events carry; the HTTP layer knows the
 * base URL and implements it.
 */
public interface ResourceUrls {

  /** The URL of one pact content between a consumer and a provider. */
  String pactVersion(String provider, String consumer, String sha);

  /** One path segment, percent-encoded (a {@code /} in a name becomes {@code %2F}, a space {@code %20}). */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package dev.subpact.broker.contract;

/**
 * Where the broker serves a resource, for the URLs webhook events carry; the HTTP layer knows the
 * base URL and implements it.
 */
public interface ResourceUrls {

  /** The URL of one pact content between a consumer and a provider. */
  String pactVersion(String provider, String consumer, String sha);
}

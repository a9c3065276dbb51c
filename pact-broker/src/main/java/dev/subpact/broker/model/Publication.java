package dev.subpact.broker.model;

/** A consumer version's pact with a provider, pointing at content-addressed pact content. */
public record Publication(long id, Version consumerVersion, long providerId, String provider,
    String sha, String createdAt) {

  public String consumer() {
    return consumerVersion.pacticipant();
  }
}

package dev.subpact.broker.model;

/**
 * The outcome of verifying one pact content ({@code sha}) by one provider version. {@code kind}
 * is {@code live} (the provider ran the interactions) or {@code schema} (the broker checked the
 * operations against the provider version's published GraphQL schema).
 */
public record Verification(long id, String sha, Version providerVersion, boolean success,
    String kind, String buildUrl, String testResults, String createdAt) {

  public static final String LIVE = "live";
  public static final String SCHEMA = "schema";
}

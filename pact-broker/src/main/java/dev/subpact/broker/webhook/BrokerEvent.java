package dev.subpact.broker.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something that happened in the broker and may trigger webhooks, with the values the request
 * templates can use as {@code ${pactbroker.NAME}}.
 */
public record BrokerEvent(String name, String consumer, String provider, Map<String, String> values) {

  public static final String CONTRACT_PUBLISHED = "contract_published";
  public static final String CONTRACT_CONTENT_CHANGED = "contract_content_changed";
  public static final String CONTRACT_REQUIRING_VERIFICATION_PUBLISHED =
      "contract_requiring_verification_published";
  public static final String VERIFICATION_PUBLISHED = "provider_verification_published";
  public static final String VERIFICATION_SUCCEEDED = "provider_verification_succeeded";
  public static final String VERIFICATION_FAILED = "provider_verification_failed";

  /** Every event a webhook may subscribe to. */
  public static final List<String> NAMES = List.of(CONTRACT_PUBLISHED, CONTRACT_CONTENT_CHANGED,
      CONTRACT_REQUIRING_VERIFICATION_PUBLISHED, VERIFICATION_PUBLISHED, VERIFICATION_SUCCEEDED,
      VERIFICATION_FAILED);

  /** The template variables every event defines (empty when not applicable). */
  public static final List<String> VARIABLES = List.of("pactUrl", "verificationResultUrl",
      "consumerName", "providerName", "consumerVersionNumber", "providerVersionNumber",
      "consumerVersionTags", "providerVersionTags", "consumerVersionBranch",
      "providerVersionBranch", "consumerLabels", "providerLabels", "githubVerificationStatus",
      "bitbucketVerificationStatus", "eventName", "buildUrl");

  public BrokerEvent {
    Map<String, String> all = new LinkedHashMap<>();
    for (String variable : VARIABLES) {
      all.put(variable, "");
    }
    all.putAll(values);
    all.put("eventName", name);
    all.put("consumerName", consumer);
    all.put("providerName", provider);
    values = java.util.Collections.unmodifiableMap(all);
  }

  public BrokerEvent renamed(String otherName) {
    return new BrokerEvent(otherName, consumer, provider, values);
  }
}

package dev.subpact.broker.error;

import java.util.List;
import java.util.Map;

/**
 * A request the broker's services refuse, in domain terms: the input is invalid, something named
 * does not exist, or the change conflicts with what is stored. The HTTP layer ({@code api}) maps
 * each kind to its status and error body; services never speak HTTP.
 */
public final class BrokerException extends RuntimeException {

  /** Why the request was refused. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final Map<String, List<String>> errorsByField;

  private BrokerException(Kind kind, String message, Map<String, List<String>> errorsByField) {
    super(message);
    this.kind = kind;
    this.errorsByField = errorsByField;
  }

  public static BrokerException invalid(String message) {
    return new BrokerException(Kind.INVALID, message, Map.of());
  }

  /** Invalid input with its errors keyed by field, as the official broker reports validation problems. */
  public static BrokerException invalid(Map<String, List<String>> errorsByField) {
    return new BrokerException(Kind.INVALID, errorsByField.toString(),
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorsByField)));
  }

  public static BrokerException notFound(String message) {
    return new BrokerException(Kind.NOT_FOUND, message, Map.of());
  }

  public static BrokerException conflict(String message) {
    return new BrokerException(Kind.CONFLICT, message, Map.of());
  }

  public Kind kind() {
    return kind;
  }

  /** The errors by field of an {@link #invalid(Map)} refusal; empty otherwise. */
  public Map<String, List<String>> errorsByField() {
    return errorsByField;
  }
}

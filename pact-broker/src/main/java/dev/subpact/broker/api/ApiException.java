package dev.subpact.broker.api;

import dev.subpact.broker.error.BrokerException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import java.util.List;
import java.util.Map;

/** A request the broker refuses, with its HTTP status and the errors body the clients show. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final ObjectNode body;

  private ApiException(int status, String message, ObjectNode body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  public static ApiException badRequest(String message) {
    ObjectNode body = Json.object();
    body.putArray("errors").add(message);
    return new ApiException(400, message, body);
  }

  /** 400 with errors keyed by field, as the official broker reports validation problems. */
  public static ApiException invalid(Map<String, List<String>> errorsByField) {
    ObjectNode body = Json.object();
    ObjectNode errors = body.putObject("errors");
    errorsByField.forEach((field, messages) -> messages.forEach(m -> errors.withArray(field).add(m)));
    return new ApiException(400, errorsByField.toString(), body);
  }

  public static ApiException notFound(String message) {
    ObjectNode body = Json.object();
    body.put("error", message);
    return new ApiException(404, message, body);
  }

  public static ApiException conflict(String message) {
    ObjectNode body = Json.object();
    body.putArray("errors").add(message);
    return new ApiException(409, message, body);
  }

  /** The HTTP answer to a service's refusal. */
  public static ApiException of(BrokerException refusal) {
    return switch (refusal.kind()) {
      case INVALID -> refusal.errorsByField().isEmpty() ? badRequest(refusal.getMessage()) : invalid(refusal.errorsByField());
      case NOT_FOUND -> notFound(refusal.getMessage());
      case CONFLICT -> conflict(refusal.getMessage());
    };
  }

  public int status() {
    return status;
  }

  public ObjectNode body() {
    return body;
  }
}

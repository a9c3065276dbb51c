package dev.subpact.graphql.websocket;

import java.util.Arrays;

/** The WebSocket close codes a GraphQL subscription meets (RFC 6455 and graphql-transport-ws), and what each means. */
public enum CloseCode {
  NORMAL_CLOSURE(1000, "normal closure"),
  GOING_AWAY(1001, "going away (the server is shutting down)"),
  PROTOCOL_ERROR(1002, "protocol error"),
  UNSUPPORTED_DATA(1003, "unsupported data"),
  ABNORMAL_CLOSURE(1006, "abnormal closure: the connection dropped without a close frame (backend killed or network cut)"),
  POLICY_VIOLATION(1008, "policy violation"),
  INTERNAL_ERROR(1011, "internal server error"),
  BAD_REQUEST(4400, "bad request: the server could not process a message (invalid message or GraphQL syntax error)"),
  UNAUTHORIZED(4401, "unauthorized: subscribe sent before connection_ack"),
  FORBIDDEN(4403, "forbidden: the server refused the connection_init payload (check the API key)"),
  SUBPROTOCOL_NOT_ACCEPTABLE(4406, "subprotocol not acceptable"),
  CONNECTION_INITIALISATION_TIMEOUT(4408, "connection initialisation timeout: no connection_init in time"),
  SUBSCRIBER_ALREADY_EXISTS(4409, "subscriber already exists: an operation id was reused"),
  TOO_MANY_INITIALISATION_REQUESTS(4429, "too many initialisation requests"),
  TERMINATED(4499, "terminated"),
  INTERNAL_SERVER_ERROR(4500, "internal server error");

  /** The longest close reason a close frame carries: 125 payload bytes less the 2-byte code. */
  public static final int MAX_REASON_BYTES = 123;

  private final int code;
  private final String meaning;

  CloseCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** What any close code means, the ones not listed here included. */
  public static String meaning(int code) {
    return Arrays.stream(values()).filter(c -> c.code == code).findFirst().map(CloseCode::meaning)
        .orElse(code >= 4000 ? "application-defined close" : "close code " + code);
  }

  /** A reason cut at a character boundary so it fits a close frame ({@value #MAX_REASON_BYTES} UTF-8 bytes). */
  public static String fitReason(String reason) {
    String fitted = reason;
    while (fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
    }
    return fitted;
  }
}

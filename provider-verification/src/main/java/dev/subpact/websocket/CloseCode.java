package dev.subpact.websocket;

/** What a WebSocket close code means for a GraphQL subscription (RFC 6455 and graphql-ws). */
public final class CloseCode {

  private CloseCode() {}

  public static String meaning(int code) {
    return switch (code) {
      case 1000 -> "normal closure";
      case 1001 -> "going away (the server is shutting down)";
      case 1002 -> "protocol error";
      case 1003 -> "unsupported data";
      case 1006 -> "abnormal closure: the connection dropped without a close frame (backend killed or network cut)";
      case 1008 -> "policy violation";
      case 1011 -> "internal server error";
      case 4400 -> "bad request: the server could not process a message (invalid message or GraphQL syntax error)";
      case 4401 -> "unauthorized: subscribe sent before connection_ack";
      case 4403 -> "forbidden: the server refused the connection_init payload (check the API key)";
      case 4406 -> "subprotocol not acceptable";
      case 4408 -> "connection initialisation timeout: no connection_init in time";
      case 4409 -> "subscriber already exists: an operation id was reused";
      case 4429 -> "too many initialisation requests";
      case 4499 -> "terminated";
      case 4500 -> "internal server error";
      default -> code >= 4000 ? "application-defined close" : "close code " + code;
    };
  }
}

package dev.subpact.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.ProviderState;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider-state changes the Pact way: {@code POST {"state", "params", "action"}} to the
 * state-change URL, with {@code "action": "setup" | "trigger" | "teardown"}. subpact adds
 * {@code "variables"}, the operation's variables (which room or channel to publish to), and
 * {@code "interaction"}, an id also sent on the WebSocket upgrade ({@code X-Subpact-Interaction}),
 * so a backend can route a triggered event to the subscription that waits for it.
 */
final class StateChanges {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final HttpClient client;

  StateChanges(URI url, HttpClient client) {
    this.url = url;
    this.client = client;
  }

  /** A state change that failed: the message says what the URL answered. */
  static final class Failure extends Exception {
    Failure(String message) {
      super(message);
    }
  }

  boolean configured() {
    return url != null;
  }

  /**
   * Sends once more when the first attempt failed on the connection itself: a pooled keep-alive
   * connection the server had just closed fails with "header parser received no bytes" (1 state
   * change in 2,000); the client drops that connection, so the second attempt opens a fresh one.
   * Safe because setup, trigger and teardown must be idempotent (see the README). Not after a
   * refused connection or a time-out.
   */
  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
  }

  void change(ProviderState state, String action, Map<String, Object> variables, String interaction, Duration timeout)
      throws Failure, InterruptedException {
    if (url == null) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state.name());
    body.put("params", state.params());
    body.put("variables", variables);
    body.put("action", action);
    body.put("interaction", interaction);
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new Failure("its params are not JSON-serialisable: " + e.getOriginalMessage());
    }
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    // bytes, not a String: the body is read only when the change failed, so no charset is looked up per call
    HttpResponse<byte[]> response;
    try {
      response = send(request);
    } catch (IOException e) {
      throw new Failure("the state-change URL " + url + " did not answer (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    if (response.statusCode() / 100 != 2) {
      throw new Failure("the state-change URL " + url + " answered HTTP " + response.statusCode() + ": "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
  }
}

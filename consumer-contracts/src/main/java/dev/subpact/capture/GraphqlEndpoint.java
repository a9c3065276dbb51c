package dev.subpact.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.Transport;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketAdapter;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/**
 * The GraphQL path: WebSocket upgrades (subprotocol chosen as Strawberry chooses) and HTTP POST.
 * Message and body limits follow uvicorn's defaults (16 MiB), so a 1 MB document is served as
 * the backend would serve it.
 */
final class GraphqlEndpoint extends JettyWebSocketServlet {

  static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient CaptureRuntime runtime;

  GraphqlEndpoint(CaptureRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  protected void configure(JettyWebSocketServletFactory factory) {
    factory.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
    factory.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
    factory.setIdleTimeout(Duration.ofDays(1));
    factory.setCreator((request, response) -> {
      List<String> offered = request.getSubProtocols();
      Optional<Subprotocol> chosen = Subprotocol.negotiate(offered);
      if (chosen.isEmpty()) {
        return new Unacceptable();
      }
      response.setAcceptedSubProtocol(chosen.get().wireName());
      return switch (chosen.get()) {
        case GRAPHQL_TRANSPORT_WS -> new TransportWsConnection(runtime, offered);
        case GRAPHQL_WS -> new ApolloWsConnection(runtime, offered);
      };
    });
  }

  /** Strawberry closes a socket that offers no subprotocol it speaks with 4406. */
  private static final class Unacceptable extends WebSocketAdapter {
    @Override
    public void onWebSocketConnect(Session session) {
      session.close(4406, "Subprotocol not acceptable");
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    runtime.touch();
    String contentType = request.getContentType();
    if (contentType != null && !isJson(contentType)) {
      plain(response, 415, "Unsupported content type");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    }
    if (body.length > MAX_MESSAGE_BYTES) {
      plain(response, 413, "Request body is larger than " + MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      payload = null;
    }
    if (payload == null || payload.isMissingNode()) {
      plain(response, 400, "Unable to parse request body as JSON");
      return;
    }
    if (payload.isArray()) {
      plain(response, 400, "Batching is not enabled");
      return;
    }
    if (!payload.isObject()) {
      plain(response, 400, "Unable to parse request body as JSON");
      return;
    }
    Intake.Outcome outcome = runtime.intake().take(
        payload, new Transport.Http(runtime.settings().path()), null, Collections.emptySortedSet());
    ObjectNode result = JSON.createObjectNode();
    if (outcome instanceof Intake.Rejected rejected) {
      plain(response, 400, rejected.reason());
      return;
    } else if (outcome instanceof Intake.SyntaxError syntax) {
      result.putNull("data");
      result.putArray("errors").add(syntax.error());
    } else if (outcome instanceof Intake.Invalid invalid) {
      result.putNull("data");
      result.set("errors", invalid.graphqlErrors());
    } else if (outcome instanceof Intake.Answered answered) {
      result = (ObjectNode) answered.results().get(0);
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.getOutputStream().write(JSON.writeValueAsBytes(result));
  }

  /** {@code application/json} or any {@code +json} type, parameters ignored. */
  private static boolean isJson(String contentType) {
    String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static void plain(HttpServletResponse response, int status, String text) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }
}

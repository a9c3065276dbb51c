package dev.subpact.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import dev.subpact.websocket.server.JettyConnection;
import dev.subpact.websocket.server.Negotiation;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/**
 * Every path: WebSocket upgrades (subprotocol chosen as Strawberry chooses) and HTTP POST, recorded
 * with the path they came on. A request that is not GraphQL (another method, an upgrade offering no
 * GraphQL subprotocol, a POST without {@code "query"}) is answered as Strawberry would and counted
 * in {@link Traffic} by method and path (never the query string: it may carry a token). Message and
 * body limits follow uvicorn's defaults (16 MiB), so a 1 MB document is served as the backend would
 * serve it.
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
    factory.setCreator(Negotiation.creator(new Negotiation.Upgrades() {
      @Override
      public JettyConnection accepted(JettyServerUpgradeRequest request, Subprotocol chosen) {
        WsConnection connection = new WsConnection(runtime, request.getRequestPath(), request.getSubProtocols(), chosen);
        CaptureSettings settings = runtime.settings();
        return new JettyConnection(chosen, new ServerSession.Timing(settings.initTimeout(), settings.keepAlive()),
            runtime.timer(), connection, connection);
      }

      @Override
      public void refused(JettyServerUpgradeRequest request) {
        List<String> offered = request.getSubProtocols();
        runtime.traffic().notGraphql("GET " + request.getRequestPath() + " (WebSocket upgrade offering "
            + (offered.isEmpty() ? "no subprotocol" : String.join(", ", offered)) + "; closed 4406)");
      }
    }));
  }

  /** Anything but a POST or a WebSocket upgrade is not GraphQL here: counted, named, answered 404. */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    if (upgrade || "POST".equals(request.getMethod())) {
      super.service(request, response);
      return;
    }
    runtime.touch();
    boolean graphqlOverGet = "GET".equals(request.getMethod()) && request.getParameter("query") != null;
    runtime.traffic().notGraphql(request.getMethod() + " " + request.getRequestURI()
        + (graphqlOverGet ? " (GraphQL over GET is not recorded: send it as POST)" : ""));
    plain(response, 404, "subpact capture records GraphQL only: WebSocket upgrades offering "
        + String.join(" or ", Subprotocol.wireNames()) + ", or POST with a JSON body {\"query\": ...}, on any path.");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    runtime.touch();
    String path = request.getRequestURI();
    String contentType = request.getContentType();
    if (contentType != null && !isJson(contentType)) {
      notGraphql(response, path, 415, "Unsupported content type");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_MESSAGE_BYTES + 1);
    }
    if (body.length > MAX_MESSAGE_BYTES) {
      notGraphql(response, path, 413, "Request body is larger than " + MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      payload = null;
    }
    if (payload == null || payload.isMissingNode()) {
      notGraphql(response, path, 400, "Unable to parse request body as JSON");
      return;
    }
    if (payload.isArray()) {
      notGraphql(response, path, 400, "Batching is not enabled");
      return;
    }
    if (!payload.isObject()) {
      notGraphql(response, path, 400, "Unable to parse request body as JSON");
      return;
    }
    if (!payload.path("query").isTextual()) {
      notGraphql(response, path, 400, "No GraphQL query found in the request");
      return;
    }
    runtime.traffic().graphqlPost(path);
    Intake.Outcome outcome = runtime.intake().take(payload, new Transport.Http(path), null, Collections.emptySortedSet());
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

  /** A POST that is not a GraphQL request: counted with Strawberry's answer as the reason, and answered with it. */
  private void notGraphql(HttpServletResponse response, String path, int status, String reason) throws IOException {
    runtime.traffic().notGraphql("POST " + path + " (" + status + " " + reason + ")");
    plain(response, status, reason);
  }

  private static void plain(HttpServletResponse response, int status, String text) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain; charset=utf-8");
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }
}

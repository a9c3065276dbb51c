package dev.subpact.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.replay.InteractionReplayer;
import graphql.ExecutionResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/**
 * The GraphQL endpoint: WebSocket upgrades (subprotocol chosen as Strawberry does: the first one
 * in the <em>client's</em> order that the server supports) and HTTP {@code POST} for queries and
 * mutations.
 */
final class GraphqlServlet extends JettyWebSocketServlet {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SUPPORTED = List.of(TransportWsConnection.SUBPROTOCOL, LegacyWsConnection.SUBPROTOCOL);

  private final ExecutableBuild build;
  private final BackendOptions options;
  private final ScheduledExecutorService timer;

  GraphqlServlet(ExecutableBuild build, BackendOptions options, ScheduledExecutorService timer) {
    this.build = build;
    this.options = options;
    this.timer = timer;
  }

  @Override
  protected void configure(JettyWebSocketServletFactory factory) {
    factory.setIdleTimeout(java.time.Duration.ofMinutes(5));
    factory.setCreator(
        (request, response) -> {
          String chosen = request.getSubProtocols().stream().filter(SUPPORTED::contains).findFirst().orElse(null);
          String interaction = request.getHeader(InteractionReplayer.INTERACTION_HEADER);
          if (chosen == null) {
            try {
              response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                  "Subprotocol not acceptable: offer graphql-transport-ws or graphql-ws");
            } catch (IOException e) {
              // the client went away
            }
            return null;
          }
          response.setAcceptedSubProtocol(chosen);
          return chosen.equals(TransportWsConnection.SUBPROTOCOL)
              ? new TransportWsConnection(build, options, interaction, timer)
              : new LegacyWsConnection(build, options, interaction, timer);
        });
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(request.getInputStream());
    } catch (IOException e) {
      answer(response, 400, Map.of("errors", List.of(Map.of("message", "Request body is not JSON: " + e.getMessage()))));
      return;
    }
    if (body == null || !body.path("query").isTextual()) {
      answer(response, 400, Map.of("errors", List.of(Map.of("message", "No GraphQL query found in the request"))));
      return;
    }
    String query = body.get("query").asText();
    String operationName = ServerConnection.text(body.get("operationName"));
    Map<String, Object> variables = ServerConnection.variables(body);
    ExecutableBuild.Refusal refusal = build.refuse(query, operationName, variables);
    if (refusal != null) {
      answer(response, refusal.syntax() ? 400 : 200, Map.of("errors", refusal.errors()));
      return;
    }
    if (build.typeOf(query, operationName) == OperationType.SUBSCRIPTION) {
      answer(response, 400, Map.of("errors", List.of(Map.of("message", "Subscriptions are not allowed over HTTP; use the WebSocket endpoint"))));
      return;
    }
    ExecutionResult result = build.execute(query, operationName, variables, null);
    answer(response, 200, new LinkedHashMap<>(result.toSpecification()));
  }

  static void answer(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}

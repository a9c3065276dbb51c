package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.websocket.ServerSession;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import dev.subpact.websocket.server.JettyConnection;
import dev.subpact.websocket.server.Negotiation;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;

/**
 * The GraphQL endpoint: WebSocket upgrades (subprotocol chosen as Strawberry does: the first one
 * in the <em>client's</em> order that the server supports) and HTTP {@code POST} for queries and
 * mutations.
 */
final class GraphqlServlet extends JettyWebSocketServlet {

  private static final ObjectMapper JSON = new ObjectMapper();
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
    factory.setCreator(Negotiation.creator((request, chosen) -> new JettyConnection(chosen,
        new ServerSession.Timing(options.initTimeout(), options.keepAlive()), ServerSession.Timer.of(timer),
        new ServerConnection(build, options, request.getHeader(Transport.INTERACTION_HEADER)), JettyConnection.Activity.NONE)));
  }

  /**
   * A query or mutation, answered as Strawberry's HTTP view answers: a request that parses but does
   * not validate (or does not parse) is {@code 200 {"data": null, "errors": [...]}}; a body that is
   * not JSON, has no query or names no operation of its document is a plain-text 400. When the
   * backend requires an API key, a request without {@code Authorization: Bearer KEY} is a 401.
   */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!options.authorisedHttp(request.getHeader(BackendOptions.HTTP_HEADER))) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("text/plain");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("Unauthorized: send the API key as the header '" + BackendOptions.HTTP_HEADER + ": Bearer <key>'.");
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.getInputStream());
    } catch (IOException e) {
      refuse(response, "Unable to parse request body as JSON");
      return;
    }
    if (body == null || !body.path("query").isTextual()) {
      refuse(response, "No GraphQL query found in the request");
      return;
    }
    String query = body.get("query").asText();
    String operationName = ServerConnection.text(body.get("operationName"));
    ExecutableBuild.Preparation prepared = build.prepare(query, operationName);
    if (prepared instanceof ExecutableBuild.Refused refused) {
      if (refused.stage() == ExecutableBuild.Stage.OPERATION) {
        refuse(response, refused.firstMessage());
      } else {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", null);
        answer.put("errors", refused.errors());
        answer(response, 200, answer);
      }
      return;
    }
    ExecutableBuild.Ready ready = (ExecutableBuild.Ready) prepared;
    if (ready.type() == OperationDefinition.Operation.SUBSCRIPTION) {
      refuse(response, "Subscriptions are not served over HTTP here: subscribe over the WebSocket endpoint.");
      return;
    }
    ExecutionResult result = build.execute(ready, query, operationName, ServerConnection.variables(body), null);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", result.getData());
    if (!result.getErrors().isEmpty()) {
      answer.put("errors", ExecutableBuild.errors(result.getErrors()));
    }
    answer(response, 200, answer);
  }

  /** Strawberry's {@code HTTPException}: status 400, the reason as plain text. */
  private static void refuse(HttpServletResponse response, String reason) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("text/plain");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(reason);
  }

  static void answer(HttpServletResponse response, int status, Object body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}

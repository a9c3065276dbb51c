package dev.subpact.teambackends;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.Coercing;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.SubmissionPublisher;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The incident's backend as a Java team would write it, with nothing of subpact's server code:
 * plain graphql-java for validation and execution, Jetty 11 WebSockets speaking only
 * {@code graphql-transport-ws}, HTTP POST for the mutation, and a provider-state endpoint written
 * from the contract in provider-verification/README.md ("Provider states: the API").
 *
 * <p>Its schema is one of the incident's builds (the SDL the backend exports); its resolvers are its own.
 */
final class FlexusJavaBackend implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROTOCOL = "graphql-transport-ws";

  private final GraphQL graphql;
  private final Server server;
  /** Live subscriptions by the replayed interaction that opened them ({@code X-Subpact-Interaction}). */
  private final Map<String, List<SubmissionPublisher<Map<String, Object>>>> live = new ConcurrentHashMap<>();
  /** Events triggered before their subscription arrived, by interaction. */
  private final Map<String, List<Map<String, Object>>> early = new ConcurrentHashMap<>();

  FlexusJavaBackend(String sdl) throws Exception {
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .scalar(GraphQLScalarType.newScalar().name("JSON").coercing(new PassThrough()).build())
        .type("Subscription", t -> t.dataFetcher("bot_threads_calls_tasks", this::subscribe))
        .type("Mutation", t -> t.dataFetcher("emessages_delete", env -> true))
        .build();
    graphql = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring)).build();
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new GraphqlEndpoint()), "/v1/graphql");
    context.addServlet(new ServletHolder(new StateEndpoint()), "/_pact/state");
    JettyWebSocketServletContainerInitializer.configure(context, null);
    server.setHandler(context);
    server.start();
  }

  String origin() {
    return "127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  // ------------------------------------------------------------------ resolvers

  private Publisher<Map<String, Object>> subscribe(DataFetchingEnvironment env) {
    String interaction = String.valueOf((Object) env.getGraphQlContext().get("interaction"));
    SubmissionPublisher<Map<String, Object>> events = new SubmissionPublisher<>();
    // A SubmissionPublisher drops what is submitted before anyone subscribed: the subscription
    // becomes live (and receives early events) only once graphql-java has subscribed to it.
    return subscriber -> {
      FlowAdapters.toPublisher(events).subscribe(subscriber);
      synchronized (live) {
        live.computeIfAbsent(interaction, k -> new CopyOnWriteArrayList<>()).add(events);
        List<Map<String, Object>> waiting = early.remove(interaction);
        if (waiting != null) {
          waiting.forEach(events::submit);
        }
      }
    };
  }

  /** The {@code FBotThreadsCallsTasks} event of an external message, with both the new and the deprecated field names filled in. */
  private static Map<String, Object> externalMessage(Map<String, Object> params) {
    Map<String, Object> message = new LinkedHashMap<>();
    for (String prefix : List.of("emsg_", "emessage_")) {
      message.put(prefix + "id", params.get("emsg_id"));
      message.put(prefix + "persona_id", "persona_1");
      message.put(prefix + "type", params.get("emsg_type"));
      message.put(prefix + "from", "someone@example.com");
      message.put(prefix + "to", params.get("marketable_name") + "@example.com");
      message.put(prefix + "external_id", "ext-1");
      message.put(prefix + "payload", Map.of("text", "hello"));
      message.put(prefix + "created_ts", 1.5);
    }
    message.put("ws_id", "ws_1");
    Map<String, Object> news = new LinkedHashMap<>();
    news.put("news_action", "EMESSAGE");
    news.put("news_about", "flexus_persona_external_message");
    news.put("news_payload_id", params.get("emsg_id"));
    news.put("news_payload_emessage", message);
    return news;
  }

  private void publish(String interaction, Map<String, Object> event) {
    synchronized (live) {
      List<SubmissionPublisher<Map<String, Object>>> targets = live.get(interaction);
      if (targets == null || targets.isEmpty()) {
        early.computeIfAbsent(interaction, k -> new CopyOnWriteArrayList<>()).add(event);
      } else {
        targets.forEach(p -> p.submit(event));
      }
    }
  }

  // ------------------------------------------------------------------ provider states

  /** {@code POST {"state", "params", "action", "interaction"}}: see provider-verification/README.md. */
  private final class StateEndpoint extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      JsonNode body = JSON.readTree(request.getInputStream());
      String state = body.path("state").asText();
      String action = body.path("action").asText("setup");
      String interaction = body.path("interaction").asText();
      @SuppressWarnings("unchecked")
      Map<String, Object> params = JSON.convertValue(body.path("params"), Map.class);
      switch (state) {
        case "the bot is installed", "external messages exist" -> { } // the data exists in this backend
        case "an external message arrives for the bot" -> {
          if (action.equals("trigger")) {
            publish(interaction, externalMessage(params));
          } else if (action.equals("teardown")) {
            early.remove(interaction);
            live.remove(interaction);
          }
        }
        default -> {
          response.setStatus(400);
          response.getWriter().write("unknown provider state: " + state);
          return;
        }
      }
      response.setStatus(200);
    }
  }

  // ------------------------------------------------------------------ GraphQL over HTTP and WebSocket

  private final class GraphqlEndpoint extends JettyWebSocketServlet {
    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
      factory.setCreator((request, response) -> {
        if (!request.getSubProtocols().contains(PROTOCOL)) {
          return null; // Jetty answers the upgrade with an error
        }
        response.setAcceptedSubProtocol(PROTOCOL);
        return new TransportWsSocket(request.getHeader("X-Subpact-Interaction"));
      });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      JsonNode body = JSON.readTree(request.getInputStream());
      ExecutionResult result = graphql.execute(input(body, null));
      response.setContentType("application/json");
      JSON.writeValue(response.getOutputStream(), result.toSpecification());
    }
  }

  private ExecutionInput input(JsonNode payload, String interaction) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = payload.path("variables").isObject() ? JSON.convertValue(payload.get("variables"), Map.class) : Map.of();
    Map<String, Object> context = new LinkedHashMap<>();
    if (interaction != null) {
      context.put("interaction", interaction);
    }
    return ExecutionInput.newExecutionInput(payload.path("query").asText())
        .operationName(payload.path("operationName").isTextual() ? payload.get("operationName").asText() : null)
        .variables(variables)
        .graphQLContext(context)
        .build();
  }

  /** One graphql-transport-ws connection: init/ack, ping/pong, subscribe → next*|error, complete. */
  private final class TransportWsSocket implements WebSocketListener {
    private final String interaction;
    private final Map<String, Subscription> running = new ConcurrentHashMap<>();
    private volatile Session session;

    TransportWsSocket(String interaction) {
      this.interaction = interaction;
    }

    @Override
    public void onWebSocketConnect(Session session) {
      this.session = session;
    }

    @Override
    public void onWebSocketText(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (IOException e) {
        session.close(4400, "Invalid message");
        return;
      }
      String id = message.path("id").asText(null);
      switch (message.path("type").asText()) {
        case "connection_init" -> send(Map.of("type", "connection_ack"));
        case "ping" -> send(Map.of("type", "pong"));
        case "subscribe" -> execute(id, message.path("payload"));
        case "complete" -> {
          Subscription s = running.remove(id);
          if (s != null) {
            s.cancel();
          }
        }
        default -> { }
      }
    }

    private void execute(String id, JsonNode payload) {
      ExecutionResult result = graphql.execute(input(payload, interaction));
      if (!result.getErrors().isEmpty() && result.getData() == null) {
        send(Map.of("id", id, "type", "error", "payload", result.getErrors().stream().map(GraphQLError::toSpecification).toList()));
        return;
      }
      if (!(result.getData() instanceof Publisher<?> publisher)) {
        send(Map.of("id", id, "type", "next", "payload", result.toSpecification()));
        send(Map.of("id", id, "type", "complete"));
        return;
      }
      @SuppressWarnings("unchecked")
      Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
      results.subscribe(new Subscriber<>() {
        @Override
        public void onSubscribe(Subscription s) {
          running.put(id, s);
          s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ExecutionResult next) {
          send(Map.of("id", id, "type", "next", "payload", next.toSpecification()));
        }

        @Override
        public void onError(Throwable t) {
          send(Map.of("id", id, "type", "error", "payload", List.of(Map.of("message", String.valueOf(t.getMessage())))));
        }

        @Override
        public void onComplete() {
          if (running.remove(id) != null) {
            send(Map.of("id", id, "type", "complete"));
          }
        }
      });
    }

    private synchronized void send(Map<String, Object> message) {
      try {
        if (session != null && session.isOpen()) {
          session.getRemote().sendString(JSON.writeValueAsString(message));
        }
      } catch (IOException e) {
        session.close(1011, "send failed");
      }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
      new ArrayList<>(running.values()).forEach(Subscription::cancel);
    }
  }

  /** The schema's {@code JSON} scalar: any JSON value as it is. */
  @SuppressWarnings("deprecation")
  private static final class PassThrough implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object value) {
      return value;
    }

    @Override
    public Object parseValue(Object input) {
      return input;
    }

    @Override
    public Object parseLiteral(Object input) {
      return input;
    }
  }
}

package dev.subpact.replay;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/** A graphql-transport-ws server that misbehaves in one chosen way, on 127.0.0.1 and an OS-chosen port. */
final class FaultyServer implements AutoCloseable {

  enum Fault {
    /** Never answers connection_init. */
    NO_ACK,
    /** Acknowledges, then answers subscribe with a frame that is not JSON. */
    GARBAGE_FRAME,
    /** Acknowledges, sends one result, then drops the connection with 1011. */
    CLOSE_MID_STREAM,
    /** Acknowledges, then says nothing. */
    SILENCE,
    /** Acknowledges, then completes the subscription at once. */
    EARLY_COMPLETE,
    /** Acknowledges, then sends the expected results under another operation id than the client's. */
    OTHER_ID,
    /** Acknowledges, then rejects the subscription with an {@code error} {@value #LATE_ERROR_MILLIS} ms after it. */
    LATE_ERROR,
    /** Never acknowledges; sends {@code ping} frames as fast as it can until the client leaves. */
    PING_FLOOD,
    /** Acknowledges, then answers subscribe with one text message of {@value #HUGE_CHARS} characters. */
    HUGE_MESSAGE,
    /** Acknowledges, sends the expected results, then drops the connection (no close frame) when the client completes or sends anything odd. */
    DROP_ON_COMPLETE
  }

  static final int HUGE_CHARS = 12 * 1024 * 1024;

  static final long LATE_ERROR_MILLIS = 200;

  /** A provider-state endpoint at {@link #stateUrl()}: answers a trigger 409 (as a backend with no open subscription does), everything else 200. */
  final List<String> stateChanges = new CopyOnWriteArrayList<>();

  private final Server server;
  private final int port;

  FaultyServer(Fault fault) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new JettyWebSocketServlet() {
      @Override
      protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(Duration.ofMinutes(2));
        factory.setCreator((req, resp) -> {
          resp.setAcceptedSubProtocol("graphql-transport-ws");
          return new Misbehaving(fault);
        });
      }
    }), "/v1/graphql");
    context.addServlet(new ServletHolder(new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        stateChanges.add(body);
        boolean trigger = body.contains("\"action\":\"trigger\"");
        response.setStatus(trigger ? 409 : 200);
        response.getWriter().write(trigger ? "no open subscription" : "ok");
      }
    }), "/_state");
    JettyWebSocketServletContainerInitializer.configure(context, null);
    server.setHandler(context);
    server.setStopTimeout(0);
    server.start();
    port = connector.getLocalPort();
  }

  URI stateUrl() {
    return URI.create("http://127.0.0.1:" + port + "/_state");
  }

  URI url() {
    return URI.create("ws://127.0.0.1:" + port + "/v1/graphql");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static final class Misbehaving implements WebSocketListener {
    private final Fault fault;
    private Session session;

    Misbehaving(Fault fault) {
      this.fault = fault;
    }

    @Override
    public void onWebSocketConnect(Session session) {
      this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
      try {
        if (message.contains("\"connection_init\"")) {
          if (fault == Fault.PING_FLOOD) {
            new Thread(() -> {
              try {
                while (session.isOpen()) {
                  session.getRemote().sendString("{\"type\":\"ping\"}");
                }
              } catch (Exception e) {
                // the client left
              }
            }).start();
          } else if (fault != Fault.NO_ACK) {
            session.getRemote().sendString("{\"type\":\"connection_ack\"}");
          }
        } else if (fault == Fault.DROP_ON_COMPLETE && !message.contains("\"subscribe\"")) {
          session.disconnect();
        } else if (message.contains("\"subscribe\"")) {
          switch (fault) {
            case GARBAGE_FRAME -> session.getRemote().sendString("<html>502 Bad Gateway</html>");
            case CLOSE_MID_STREAM -> {
              session.getRemote().sendString("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"greetings\":\"Hello\"}}}");
              session.close(1011, "backend crashed");
            }
            case OTHER_ID -> {
              for (String greeting : new String[] {"Hello frog", "Bonjour frog"}) {
                session.getRemote().sendString("{\"id\":\"2\",\"type\":\"next\",\"payload\":{\"data\":{\"greetings\":\"" + greeting + "\"}}}");
              }
            }
            case LATE_ERROR -> new Thread(() -> {
              try {
                Thread.sleep(LATE_ERROR_MILLIS);
                session.getRemote().sendString("{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":"
                    + "\"Unknown argument 'nom' on field 'Subscription.greetings'. Did you mean 'name'?\"}]}");
              } catch (Exception e) {
                session.close(1011, String.valueOf(e.getMessage()));
              }
            }).start();
            case HUGE_MESSAGE -> session.getRemote().sendString("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"greetings\":\""
                + "x".repeat(HUGE_CHARS) + "\"}}}");
            case DROP_ON_COMPLETE -> {
              for (String greeting : new String[] {"Hello frog", "Bonjour frog"}) {
                session.getRemote().sendString("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"greetings\":\"" + greeting + "\"}}}");
              }
            }
            case EARLY_COMPLETE -> session.getRemote().sendString("{\"id\":\"1\",\"type\":\"complete\"}");
            default -> { }
          }
        }
      } catch (java.io.IOException e) {
        session.close(1011, e.getMessage());
      }
    }
  }
}

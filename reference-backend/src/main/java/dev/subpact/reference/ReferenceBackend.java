package dev.subpact.reference;

import dev.subpact.graphql.SubpactException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * The stand-in for a real backend build: serves one {@link Build} with graphql-java over WebSocket
 * ({@code graphql-transport-ws} and subscriptions-transport-ws ({@code graphql-ws})) and HTTP at {@value #GRAPHQL_PATH},
 * behaving like Strawberry, with a provider-state endpoint at {@value #STATE_PATH}.
 *
 * <pre>{@code
 * try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
 *   URI ws = backend.websocketUrl(); // ws://127.0.0.1:PORT/v1/graphql
 * }
 * }</pre>
 */
public final class ReferenceBackend implements AutoCloseable {

  public static final String GRAPHQL_PATH = "/v1/graphql";
  public static final String STATE_PATH = "/_subpact/state";

  private final Server server;
  private final ScheduledExecutorService timer;
  private final NewsStore store;
  private final Build build;
  private final String host;
  private final int port;

  private ReferenceBackend(Server server, ScheduledExecutorService timer, NewsStore store, Build build, String host, int port) {
    this.server = server;
    this.timer = timer;
    this.store = store;
    this.build = build;
    this.host = host;
    this.port = port;
  }

  /** Starts {@code build} on 127.0.0.1; {@code port} 0 lets the OS choose. */
  public static ReferenceBackend start(Build build, int port) {
    return start(build, "127.0.0.1", port, BackendOptions.DEFAULTS);
  }

  /**
   * Starts {@code build} on {@code host}:{@code port}.
   *
   * @throws SubpactException saying why when the server cannot start (e.g. the port is taken)
   */
  public static ReferenceBackend start(Build build, String host, int port, BackendOptions options) {
    NewsStore store = new NewsStore();
    ExecutableBuild executable = new ExecutableBuild(build, store);
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "reference-backend-timer");
          t.setDaemon(true);
          return t;
        });
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("reference-backend");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new GraphqlServlet(executable, options, timer)), GRAPHQL_PATH);
    context.addServlet(new ServletHolder(new StateServlet(new ProviderStates(store, executable.eventType()))), STATE_PATH);
    JettyWebSocketServletContainerInitializer.configure(context, null);
    server.setHandler(context);
    server.setStopTimeout(0);
    try {
      server.start();
    } catch (Exception e) {
      timer.shutdownNow();
      throw new SubpactException(
          "The reference backend cannot listen on " + host + ":" + port + ": " + e.getMessage()
              + ". Choose another port (0 lets the OS choose).", e);
    }
    return new ReferenceBackend(server, timer, store, build, host, connector.getLocalPort());
  }

  public Build build() {
    return build;
  }

  public int port() {
    return port;
  }

  /** {@code ws://host:port/v1/graphql}. */
  public URI websocketUrl() {
    return URI.create("ws://" + host + ":" + port + GRAPHQL_PATH);
  }

  /** {@code http://host:port/v1/graphql}. */
  public URI httpUrl() {
    return URI.create("http://" + host + ":" + port + GRAPHQL_PATH);
  }

  /** {@code http://host:port/_subpact/state}. */
  public URI stateUrl() {
    return URI.create("http://" + host + ":" + port + STATE_PATH);
  }

  /** The backend's data and live subscriptions. */
  public NewsStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("The reference backend did not stop cleanly: " + e.getMessage(), e);
    } finally {
      timer.shutdownNow();
    }
  }
}

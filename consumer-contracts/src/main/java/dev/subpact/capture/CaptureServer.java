package dev.subpact.capture;

import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * The recording stand-in backend a bot's CI points the built bot at: serves GraphQL on every path
 * over WebSocket ({@code graphql-transport-ws} and subscriptions-transport-ws ({@code graphql-ws})) and HTTP POST, records
 * every operation exactly as sent with the path it came on, counts and names every request that is
 * not GraphQL, and writes the bot's pact.
 *
 * <pre>{@code
 * try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, CaptureSettings.of("chat-bot", "1.2.3"), CaptureListener.NONE)) {
 *   // point the bot at capture.webSocketUrl() / capture.httpUrl(), let it run
 *   capture.writePact(Path.of("pacts"));
 * }
 * }</pre>
 */
public final class CaptureServer implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;
  private final CaptureRuntime runtime;
  private final Recording recording;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private CaptureServer(Server server, ServerConnector connector, CaptureRuntime runtime, Recording recording) {
    this.server = server;
    this.connector = connector;
    this.runtime = runtime;
    this.recording = recording;
  }

  /**
   * Starts a capture on {@code host:port} (port 0: any free port; see {@link #address()}).
   *
   * @throws IOException when the address cannot be bound
   */
  public static CaptureServer start(String host, int port, CaptureSettings settings, CaptureListener listener)
      throws IOException {
    Answers answers = new Answers(settings);
    Recording recording = new Recording(settings, answers);
    CaptureRuntime runtime = new CaptureRuntime(settings, new Intake(settings, recording, answers, listener), recording.traffic());

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("subpact-capture");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    // Every path: GraphQL is recorded on whatever path the bot uses, and anything else is counted and named.
    context.addServlet(new ServletHolder(new GraphqlEndpoint(runtime)), "/*");
    JettyWebSocketServletContainerInitializer.configure(context, null);
    server.setHandler(context);
    server.setStopTimeout(2000);
    try {
      server.start();
    } catch (Exception e) {
      runtime.shutdown();
      throw new IOException("Cannot listen on " + host + ":" + port + ": " + e.getMessage()
          + ". Choose another address or port (port 0 picks a free one).", e);
    }
    return new CaptureServer(server, connector, runtime, recording);
  }

  /** The bound address (the real port when started with port 0). */
  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  /** {@code http://host:port} + the settings' path (any other path is served alike). */
  public URI httpUrl() {
    return URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort() + runtime.settings().path());
  }

  /** {@code ws://host:port} + the settings' path (any other path is served alike). */
  public URI webSocketUrl() {
    return URI.create("ws://" + connector.getHost() + ":" + connector.getLocalPort() + runtime.settings().path());
  }

  /** What has been recorded so far. */
  public Recording recording() {
    return recording;
  }

  /**
   * Blocks until the capture should end: {@code duration} has passed, or nothing arrived for
   * {@code untilIdle}, or {@link #close()} was called (e.g. by a SIGTERM hook). Either limit may be
   * {@code null}.
   */
  public void await(Duration duration, Duration untilIdle) throws InterruptedException {
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    while (!stopped.await(20, TimeUnit.MILLISECONDS)) {
      if (System.nanoTime() - deadline >= 0) {
        return;
      }
      if (untilIdle != null && runtime.idleFor().compareTo(untilIdle) >= 0) {
        return;
      }
    }
  }

  /** The pact of everything recorded so far. */
  public GraphqlPact pact() {
    return recording.toPact();
  }

  /** Writes the pact into {@code directory}; returns the file. */
  public Path writePact(Path directory) throws IOException {
    return GraphqlPacts.writeTo(directory, recording.toPact());
  }

  /** Stops serving (open sockets are closed); the recording stays readable. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("The capture server did not stop cleanly: " + e.getMessage(), e);
    } finally {
      runtime.shutdown();
      stopped.countDown();
    }
  }
}

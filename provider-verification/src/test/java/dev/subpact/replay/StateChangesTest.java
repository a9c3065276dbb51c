package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.pact.ProviderState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** State changes survive a pooled keep-alive connection that the server closed. */
class StateChangesTest {

  /**
   * An HTTP/1.1 server that answers the first request of each connection (keep-alive) and drops the
   * connection, unanswered, when a second request arrives on it: what a server that closes idle
   * connections does to a client reusing one at that moment.
   */
  private static final class DroppingServer implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

    DroppingServer() throws Exception {
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket connection = socket.accept();
            new Thread(() -> serve(connection)).start();
          } catch (Exception e) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    private void serve(Socket connection) {
      try (connection) {
        BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = connection.getOutputStream();
        for (int request = 0; ; request++) {
          int length = 0;
          String line = in.readLine();
          if (line == null) {
            return;
          }
          while (!(line = in.readLine()).isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(line.substring(15).trim());
            }
          }
          in.skip(length);
          if (request > 0) {
            dropped.incrementAndGet();
            return;
          }
          // counted before the answer leaves: the client may finish its last change and the test may
          // read the count before this thread runs again
          answered.incrementAndGet();
          out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      } catch (Exception e) {
        // the client left
      }
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/state");
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  @Test
  void a_state_change_on_a_dropped_pooled_connection_is_sent_again_on_a_fresh_one() throws Exception {
    try (DroppingServer server = new DroppingServer()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      StateChanges states = new StateChanges(server.url(), client);
      ProviderState state = new ProviderState("the bot is installed", Map.of());
      for (String action : new String[] {"setup", "trigger", "teardown"}) {
        states.change(state, action, Map.of(), "i-1", Duration.ofSeconds(5));
      }
      assertThat(server.answered.get()).isEqualTo(3);
      assertThat(server.dropped.get()).as("the pooled connection was reused and dropped, and the change still went through").isPositive();
    }
  }
}

package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code subpact backend}: prints its URLs, stops after --duration, refuses unknown builds and taken ports. */
class BackendCommandTest {

  record Run(int exit, String out, String err) {}

  static Run backend(String... args) {
    CommandLine cli = new CommandLine(new BackendCommand());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void serves_a_build_and_prints_its_urls() {
    Run run = backend("--build", "aliased", "--port", "0", "--keep-alive", "1s", "--duration", "200ms");
    assertThat(run.exit()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains("build aliased").containsPattern("WebSocket  ws://127\\.0\\.0\\.1:\\d+/v1/graphql")
        .containsPattern("states     http://127\\.0\\.0\\.1:\\d+/_subpact/state");
  }

  @Test
  void an_unknown_build_exits_2_listing_the_builds() {
    Run run = backend("--build", "nightly", "--duration", "1s");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown backend build 'nightly'").contains("before-rename, renamed, aliased");
  }

  @Test
  void a_taken_port_exits_2() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = backend("--build", "renamed", "--port", String.valueOf(taken.getLocalPort()), "--duration", "1s");
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }
}

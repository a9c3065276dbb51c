package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs over the size limit (64 MB) are refused by their size, before any parsing, with exit 2
 * and a message naming the limit and how to raise it: files (sparse, so the test writes nothing)
 * and an introspection answer streamed without a length.
 */
class HugeInputTest {

  private static final long HUGE = 150L << 20;

  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  private static Path sparse(String name) throws IOException {
    Path file = dir.resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(HUGE);
    }
    return file;
  }

  @Test
  void aHugePactIsRefusedByItsSizeWithTheLimitNamed() throws IOException {
    Path pact = sparse("huge-flexus-backend.json");

    CheckFixtures.Run check = run("check", "--schema", schema("renamed").toString(), "--pacts", pact.toString());
    CheckFixtures.Run verify = run("verify", "--backend", "ws://127.0.0.1:9/graphql", "--pacts", pact.toString());

    for (CheckFixtures.Run run : new CheckFixtures.Run[] {check, verify}) {
      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("Pact file " + pact + " is 150.0 MB, over subpact's limit of 64.0 MB for one input")
          .contains("SUBPACT_MAX_INPUT_MB=151").doesNotContain("Exception");
    }
  }

  @Test
  void aHugeSchemaFileIsRefusedTheSameWay() throws IOException {
    Path sdl = sparse("huge.graphql");

    CheckFixtures.Run run = run("check", "--schema", sdl.toString(), "--pacts", PACTS.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Schema file " + sdl + " is 150.0 MB, over subpact's limit of 64.0 MB");
  }

  @Test
  void aHugeIntrospectionAnswerIsCutAtTheLimitEvenWithoutALength() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/graphql", exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to go by
      byte[] block = new byte[1 << 20];
      java.util.Arrays.fill(block, (byte) ' ');
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 150; i++) {
          out.write(block);
        }
      } catch (IOException clientHungUp) {
        // expected: subpact stops reading at the limit
      }
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
      CheckFixtures.Run run = run("check", "--schema", url, "--pacts", PACTS.toString());

      assertThat(run.exit()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("The introspection answer of " + url + " (at least) is 64.0 MB, over subpact's limit of 64.0 MB");
    } finally {
      server.stop(0);
    }
  }
}

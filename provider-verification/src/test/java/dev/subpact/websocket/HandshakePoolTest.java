package dev.subpact.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a fresh JVM limited to two cores (as CI machines here are), CompletableFuture's default
 * executor, on which the JDK completes WebSocket handshakes, is a thread per task; after
 * {@link WebSocketSession#useCommonPoolForHandshakes()} it is the common pool.
 */
class HandshakePoolTest {

  /** Runs in the forked JVM: prints the default executor before or after the call. */
  public static void main(String[] args) {
    boolean pooled = args.length > 0 && WebSocketSession.useCommonPoolForHandshakes();
    Object executor = new CompletableFuture<Void>().defaultExecutor();
    System.out.println(pooled + " " + (executor instanceof ForkJoinPool ? "common-pool" : executor.getClass().getSimpleName()));
  }

  @Test
  void handshakesCompleteOnThePoolInsteadOfAThreadEach() throws Exception {
    assertThat(fork()).isEqualTo("false ThreadPerTaskExecutor");
    assertThat(fork("use-pool")).isEqualTo("true common-pool");
  }

  private static String fork(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:ActiveProcessorCount=2",
        "-cp", System.getProperty("java.class.path"), HandshakePoolTest.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes()).trim();
  }
}

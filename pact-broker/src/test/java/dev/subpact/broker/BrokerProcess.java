package dev.subpact.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A broker in its own JVM (for the kill -9 and replica tests): {@code BrokerProcess DATABASE PORT_FILE};
 * it writes its port to PORT_FILE once it serves, and its output to PORT_FILE.log.
 */
public final class BrokerProcess {

  private BrokerProcess() {}

  public static void main(String[] args) throws Exception {
    // webhooks may call the tests' receivers on loopback, which a broker refuses unless allowed explicitly
    RunningBroker broker = PactBroker.start(BrokerConfig.local(0, args[0])
        .withWebhooks(java.util.List.of("127.0.0.1"), java.util.List.of("http"), 4, java.time.Duration.ofSeconds(1)));
    Path portFile = Path.of(args[1]);
    Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(partial, Integer.toString(broker.port()));
    Files.move(partial, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }

  /** Starts a broker JVM on {@code database}; {@link #awaitPort} tells where it listens. */
  static Process start(String database, Path portFile) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        BrokerProcess.class.getName(), database, portFile.toString())
        .redirectErrorStream(true).redirectOutput(portFile.resolveSibling(portFile.getFileName() + ".log").toFile()).start();
  }

  /** The port the broker JVM serves on, once it does (60 s at most). */
  static int awaitPort(Process process, Path portFile) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(portFile)) {
        return Integer.parseInt(Files.readString(portFile).trim());
      }
      if (!process.isAlive()) {
        throw new AssertionError("The broker process exited with " + process.exitValue() + ": "
            + Files.readString(portFile.resolveSibling(portFile.getFileName() + ".log")));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("The broker process did not start within 60s");
  }
}

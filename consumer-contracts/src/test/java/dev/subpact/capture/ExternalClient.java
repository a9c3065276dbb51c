package dev.subpact.capture;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client process nobody at subpact wrote (Node's graphql-ws, subscriptions-transport-ws, a Python
 * bot on Debian's python3-websockets), its stdout read line by line.
 */
final class ExternalClient implements AutoCloseable {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path NODE_DIR = MODULE.resolve("src/test/node");
  /** The repository's one set of npm test peers (the root package.json); the scripts find it by Node's parent-directory lookup. */
  static final Path NODE_MODULES = MODULE.resolve("../node_modules").normalize();
  static final Path PYTHON_BOT = MODULE.resolve("src/test/python/karen_bot.py");
  static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stderr = new StringBuilder();
  private final List<String> all = new ArrayList<>();

  private ExternalClient(Process process) {
    this.process = process;
    Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), true));
    Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), false));
    out.setDaemon(true);
    err.setDaemon(true);
    out.start();
    err.start();
  }

  private void pump(BufferedReader reader, boolean stdout) {
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (stdout) {
          synchronized (all) {
            all.add(line);
          }
          lines.add(line);
        } else {
          synchronized (stderr) {
            stderr.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Starts {@code node SCRIPT args...} in the module's test Node directory. */
  static ExternalClient node(String script, String... args) throws IOException {
    if (!Files.isDirectory(NODE_MODULES.resolve("graphql-ws"))) {
      fail("The Node test clients are not installed in " + NODE_MODULES + ": run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root.");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return new ExternalClient(new ProcessBuilder(command).directory(NODE_DIR.toFile()).start());
  }

  /** Starts the Python bot with Debian's python3 (which has python3-websockets). */
  static ExternalClient pythonBot(String... args) throws IOException {
    if (!Files.isExecutable(DEBIAN_PYTHON)) {
      fail("Debian's /usr/bin/python3 is missing: apt-get install -y python3 python3-websockets");
    }
    List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON.toString(), PYTHON_BOT.toString()));
    command.addAll(List.of(args));
    return new ExternalClient(new ProcessBuilder(command).start());
  }

  /** The next stdout line, or a failure naming what the client said on stderr. */
  String nextLine() throws InterruptedException {
    String line = lines.poll(30, TimeUnit.SECONDS);
    if (line == null) {
      fail("The client printed nothing within 30s; its stderr:\n" + stderr());
    }
    return line;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Closes the client's stdin (the Python bot disconnects then) and waits for it to end. */
  int finish() throws InterruptedException, IOException {
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("The client did not end within 30s; its stderr:\n" + stderr());
    }
    return process.exitValue();
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  String stdout() {
    synchronized (all) {
      return String.join("\n", all);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}

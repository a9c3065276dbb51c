package dev.subpact.replay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server nobody in subpact wrote, run by Node from {@code src/test/node}: a process whose port
 * is what it prints as {@code PORT <n>}.
 */
record NodeServer(Process process, int port) implements AutoCloseable {

  private static final Path NODE_DIR = Path.of("src/test/node");
  /** The repository's one set of npm test peers (the root package.json); the scripts find it by Node's parent-directory lookup. */
  private static final Path NODE_MODULES = Path.of("../node_modules");

  static NodeServer start(String script, String... args) throws Exception {
    return start(script, Map.of(), args);
  }

  /** As {@link #start(String, String...)}, with {@code environment} added to the process's. */
  static NodeServer start(String script, Map<String, String> environment, String... args) throws Exception {
    if (!Files.isDirectory(NODE_MODULES.resolve("graphql-ws"))) {
      throw new AssertionError("Node packages are missing in " + NODE_MODULES.toAbsolutePath().normalize() + ": run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root.");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (java.io.IOException e) {
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    if (line == null || !line.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new AssertionError("node " + script + " did not print its port; it said: " + line);
    }
    return new NodeServer(process, Integer.parseInt(line.substring(5).trim()));
  }

  /** Its GraphQL WebSocket endpoint. */
  URI url() {
    return URI.create("ws://127.0.0.1:" + port + "/v1/graphql");
  }

  /** Its HTTP origin. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + port);
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}

package dev.subpact.acceptance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real process of the harness (broker, backend) started for a test, its output kept, stopped at the end. */
final class RunningProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private RunningProcess(Process process) {
    this.process = process;
    CompletableFuture.runAsync(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
    });
  }

  static RunningProcess start(List<String> command) throws IOException {
    return new RunningProcess(new ProcessBuilder(command).directory(LauncherTest.ROOT.toFile()).redirectErrorStream(true).start());
  }

  /** Waits for a line matching {@code regex} and returns its first group. */
  String await(String regex, Duration timeout) throws InterruptedException {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(1);
        }
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("No line matching " + regex + " within " + timeout + "; the process printed:\n" + String.join("\n", lines));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}

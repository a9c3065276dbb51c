package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One line per request on standard error, as text or JSON ({@code --access-log}), each with the
 * request id the broker also answers in {@value #HEADER} (the caller's own, when it sent a plain
 * one, so a proxy's id follows the request through every replica's log).
 */
final class AccessLog {

  static final String HEADER = "X-Request-Id";
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final String format;
  private final PrintStream out;

  AccessLog(String format, PrintStream out) {
    this.format = format;
    this.out = out;
  }

  /** The caller's id when it is plain (no log injection), else a new one. */
  static String requestId(String sent) {
    return sent != null && PLAIN_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
  }

  void write(String requestId, String method, String path, String route, int status, Duration took) {
    switch (format) {
      case "text" -> out.println(Instant.now() + " " + requestId + " " + method + " " + path + " " + status + " "
          + took.toMillis() + "ms");
      case "json" -> {
        ObjectNode line = Json.object().put("time", Instant.now().toString()).put("requestId", requestId)
            .put("method", method).put("path", path).put("route", route).put("status", status)
            .put("ms", took.toNanos() / 1_000_000.0);
        out.println(Json.write(line));
      }
      default -> { }
    }
  }
}

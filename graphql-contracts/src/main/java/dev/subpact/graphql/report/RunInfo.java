package dev.subpact.graphql.report;

import java.time.Duration;
import java.time.Instant;

/**
 * The run a report comes from, for the formats that say so (JUnit XML's suite name, timestamp and
 * time).
 *
 * @param command the subpact command that made the report ({@code check}, {@code verify}, {@code report merge})
 * @param started when the run started, or {@code null} (then no timestamp is written: deterministic output)
 * @param elapsed how long the run took, or {@code null} (then a suite's time is the sum of its cases')
 */
public record RunInfo(String command, Instant started, Duration elapsed) {

  public RunInfo {
    if (command == null || command.isBlank()) {
      throw new IllegalArgumentException("command is required");
    }
  }

  /** A run of {@code command} that started at {@code started} and ends now. */
  public static RunInfo endingNow(String command, Instant started) {
    return new RunInfo(command, started, Duration.between(started, Instant.now()));
  }

  /** A run named only by its command: no timestamp, no measured time. */
  public static RunInfo of(String command) {
    return new RunInfo(command, null, null);
  }
}

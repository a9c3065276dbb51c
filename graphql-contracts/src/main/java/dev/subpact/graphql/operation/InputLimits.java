package dev.subpact.graphql.operation;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How large one input (a pact file, a schema file, an introspection answer) may be before subpact
 * reads it: past {@value #DEFAULT_MAX_MB} MB (or {@code SUBPACT_MAX_INPUT_MB}), it is refused at
 * once, by its size, before a byte of it is parsed. Without the bound a 150 MB pact kept
 * {@code check} silent for two minutes and took gigabytes; the largest real inputs (every
 * interaction of ten bots, GitHub's public schema) are under 2 MB.
 */
public final class InputLimits {

  /** The environment variable that raises (or lowers) the bound, in megabytes. */
  public static final String ENV = "SUBPACT_MAX_INPUT_MB";
  public static final int DEFAULT_MAX_MB = 64;

  private InputLimits() {}

  /** The bound in bytes: {@value #ENV} when it holds a positive whole number, else {@value #DEFAULT_MAX_MB} MB. */
  public static long maxBytes() {
    return maxBytes(System::getenv);
  }

  static long maxBytes(Function<String, String> env) {
    String value = env.apply(ENV);
    if (value != null && value.strip().matches("[1-9]\\d{0,6}")) {
      return Long.parseLong(value.strip()) << 20;
    }
    return (long) DEFAULT_MAX_MB << 20;
  }

  /**
   * Why {@code what} (e.g. "Pact file a.json") of {@code size} bytes is refused, or empty when it is
   * within the bound. The message says what, why and how to go on.
   */
  public static Optional<String> refusal(String what, long size) {
    long max = maxBytes();
    if (size <= max) {
      return Optional.empty();
    }
    return Optional.of(what + " is " + megabytes(size) + ", over subpact's limit of " + megabytes(max)
        + " for one input (reading it whole would take minutes and gigabytes; real pacts and schemas are under 2 MB)."
        + " Check that it is the file you meant; split a pact that large into one per consumer,"
        + " or raise the limit: " + ENV + "=" + ((size >> 20) + 1) + ".");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}

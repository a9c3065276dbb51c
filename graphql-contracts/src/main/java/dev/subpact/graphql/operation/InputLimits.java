package dev.subpact.graphql.operation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How large one input (a pact file, a schema file, an introspection answer, a broker's answer) may
 * be before subpact reads it: past {@value #DEFAULT_MAX_MB} MB (or {@code SUBPACT_MAX_INPUT_MB}), it
 * is refused at once, by its size, before a byte of it is parsed; a download without a length is
 * cut one byte past the bound ({@link #read}). Without the bound a 150 MB pact kept
 * {@code check} silent for two minutes and took gigabytes; the largest real inputs (every
 * interaction of ten bots, GitHub's public schema) are under 2 MB.
 */
public final class InputLimits {

  /** The environment variable that raises (or lowers) the bound, in megabytes. */
  public static final String ENV = "SUBPACT_MAX_INPUT_MB";
  /** The same bound as a system property, for a JVM that runs subpact in-process (it wins over {@value #ENV}). */
  public static final String PROPERTY = "subpact.maxInputMb";
  public static final int DEFAULT_MAX_MB = 64;

  private InputLimits() {}

  /**
   * The bound in bytes: {@value #PROPERTY}, else {@value #ENV}, when it holds a positive whole
   * number, else {@value #DEFAULT_MAX_MB} MB.
   */
  public static long maxBytes() {
    return maxBytes(System.getProperty(PROPERTY, System.getenv(ENV)));
  }

  private static long maxBytes(String value) {
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
        + " Check that it is the input you meant; split a pact that large into one per consumer,"
        + " or raise the limit: " + ENV + "=" + ((size >> 20) + 1) + ".");
  }

  /**
   * The whole of {@code in}, {@code what} (e.g. "The introspection answer of URL"), whose length
   * its sender declared as {@code declared} bytes ({@code -1}: unknown, e.g. chunked): refused by
   * that length before a byte is read, else read one byte past the bound at most, never more.
   *
   * @param refuse makes the caller's exception from the refusal's message (what, why, how to go on)
   * @throws IOException when reading fails
   */
  public static <E extends RuntimeException> byte[] read(String what, long declared, InputStream in,
      Function<String, E> refuse) throws IOException {
    Optional<String> tooLarge = refusal(what, declared);
    if (tooLarge.isEmpty()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes() + 1));
      tooLarge = refusal(what + " (at least)", bytes.length);
      if (tooLarge.isEmpty()) {
        return bytes;
      }
    }
    throw refuse.apply(tooLarge.get());
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}

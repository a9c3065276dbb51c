package dev.subpact.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations as the README writes them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}; a bare
 * number is seconds, as the official Pact CLI writes {@code --retry-interval 10}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  @Override
  public Duration convert(String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration: write a number and a unit, e.g. 500ms, 5s, 2m or 1h (a bare number is seconds).");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The README's spelling of {@code duration}: the largest unit that divides it. */
  public static String format(Duration duration) {
    long ms = duration.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}

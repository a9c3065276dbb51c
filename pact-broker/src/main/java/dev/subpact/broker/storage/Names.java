package dev.subpact.broker.storage;

import dev.subpact.broker.error.InvalidNameException;

/**
 * What the broker accepts as a name — of a pacticipant, version, tag, branch or environment — so
 * that every name it stores it can also serve, on both engines: at most {@value #MAX_LENGTH}
 * characters, no control characters (NUL, CR, LF, TAB, DEL…: SQLite would store a NUL that every
 * later URL then cannot carry, PostgreSQL refuses it) and no lone UTF-16 surrogate (not encodable as
 * UTF-8: it would be stored as {@code ?}).
 */
public final class Names {

  public static final int MAX_LENGTH = 255;

  private Names() {}

  /** {@code value} when it is a name the broker can store and serve; null passes (optional names). */
  public static String check(String what, String value) {
    if (value == null) {
      return null;
    }
    if (value.isEmpty()) {
      throw new InvalidNameException("The " + what + " is empty: give it a name.");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidNameException("The " + what + " '" + value.substring(0, 40) + "…' has " + value.length()
          + " characters; the broker takes names of at most " + MAX_LENGTH + ".");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidNameException("The " + what + " has a control character (U+" + String.format("%04X", (int) c)
            + ") at position " + (i + 1) + "; names may not hold NUL, line breaks, tabs or other control characters.");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidNameException("The " + what + " has a lone UTF-16 surrogate (U+" + String.format("%04X", (int) c)
            + ") at position " + (i + 1) + ", which is not text; send the name as valid UTF-8.");
      }
    }
    return value;
  }
}

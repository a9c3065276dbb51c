package dev.subpact.broker.api;

import java.util.Locale;

/**
 * The {@code displayName} of a pacticipant or environment: the one given, else one made from the
 * name as the official broker makes it ({@code order-service} → {@code Order Service},
 * {@code preProd} → {@code Pre Prod}). Clients rely on it being there: the official Rust CLI's
 * {@code list-environments} and {@code list-pacticipants} stop on a missing one.
 */
final class DisplayName {

  private DisplayName() {}

  static String of(String name, String given) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[-_.\\s]+", " ").strip();
    StringBuilder out = new StringBuilder();
    for (String word : spaced.split(" ")) {
      if (!word.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ").append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
      }
    }
    return out.isEmpty() ? name : out.toString();
  }
}

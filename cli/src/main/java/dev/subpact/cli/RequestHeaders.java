package dev.subpact.cli;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code --header NAME=VALUE} and {@code --header-env NAME=VAR}: request headers for a backend
 * (e.g. {@code Authorization}). A value may be a secret: no message ever shows one.
 */
final class RequestHeaders {

  private RequestHeaders() {}

  /** The headers by name; {@code environment} reads a variable ({@code System::getenv} outside tests). */
  static Map<String, String> parse(List<String> literal, List<String> fromEnvironment, UnaryOperator<String> environment) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String spec : literal == null ? List.<String>of() : literal) {
      String[] parts = split(spec, "--header", "NAME=VALUE, e.g. --header 'Authorization=Bearer …'");
      headers.put(checked(parts[0], "--header"), parts[1]);
    }
    for (String spec : fromEnvironment == null ? List.<String>of() : fromEnvironment) {
      String[] parts = split(spec, "--header-env", "NAME=VAR, e.g. --header-env Authorization=BACKEND_AUTH");
      String value = environment.apply(parts[1]);
      if (value == null) {
        throw new UserInputException("Environment variable " + parts[1] + " is not set (--header-env " + parts[0] + "="
            + parts[1] + "): export it with the header's value.");
      }
      headers.put(checked(parts[0], "--header-env"), value);
    }
    return headers;
  }

  private static String[] split(String spec, String option, String form) {
    int eq = spec.indexOf('=');
    if (eq < 1) {
      // the text may hold a secret: name the option and the form, never the text
      throw new UserInputException(option + " needs " + form + ".");
    }
    return new String[] {spec.substring(0, eq).trim(), spec.substring(eq + 1)};
  }

  /** The JDK HTTP client refuses some names (Host, Connection, Upgrade …) and malformed ones: say so now. */
  private static String checked(String name, String option) {
    try {
      HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header(name, "x");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + " " + name + ": not a header subpact can send (" + e.getMessage()
          + "); Host, Connection, Upgrade and Content-Length are set by the HTTP client itself.");
    }
    return name;
  }
}

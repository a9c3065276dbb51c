package dev.subpact.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --header NAME=VALUE} and {@code --header-env NAME=VAR}, shared by {@code check} (sent with
 * the introspection of {@code --schema <url>}), {@code verify} (GraphQL HTTP requests, introspection
 * and the WebSocket upgrade, not state changes) and {@code pacts} (sent to the broker beside its
 * credentials). Read by {@link RequestHeaders}; no value is ever printed.
 */
final class HeaderOptions {

  @Option(names = "--header", paramLabel = "NAME=VALUE",
      description = "A request header (e.g. Authorization=Bearer …): check sends it with the introspection of --schema <url>;"
          + " verify on GraphQL HTTP requests, introspection and the WebSocket upgrade (not on state changes);"
          + " pacts to the broker, beside its credentials (e.g. a gateway's X-Api-Key=…). Repeatable. Never printed.")
  List<String> literal;

  @Option(names = "--header-env", paramLabel = "NAME=VAR",
      description = "A request header whose value is read from environment variable VAR (as --header). Repeatable.")
  List<String> fromEnvironment;

  /** The headers by name, case-insensitively; values from the environment read now. */
  Map<String, String> headers() {
    return RequestHeaders.parse(literal, fromEnvironment, System::getenv);
  }
}

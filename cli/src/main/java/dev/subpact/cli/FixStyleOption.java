package dev.subpact.cli;

import dev.subpact.graphql.check.FixStyle;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --fix-style}: the languages {@code check} and {@code verify} write fix hints in (the backend's framework). */
final class FixStyleOption {

  @Option(names = "--fix-style", split = ",", paramLabel = "sdl|strawberry|graphql-java|graphql-js",
      description = {"The languages fix hints are written in, in this order (repeatable or comma-separated).",
          "Default: SDL, plus Strawberry when the schema defines Strawberry's own scalars (JSON, DateTime, … with Strawberry's",
          "descriptions); nothing in a schema gives graphql-java or graphql-js away, so name them."})
  List<String> names;

  /** The styles asked for, in order; empty when none was named (the schema's suggestion applies). */
  List<FixStyle> styles() {
    List<FixStyle> styles = new ArrayList<>();
    for (String name : names == null ? List.<String>of() : names) {
      try {
        FixStyle style = FixStyle.parse(name);
        if (!styles.contains(style)) {
          styles.add(style);
        }
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--fix-style: " + e.getMessage());
      }
    }
    return List.copyOf(styles);
  }
}

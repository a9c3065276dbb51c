package dev.subpact.graphql.check;

import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The languages a fix hint is written in (the backend's framework): SDL, and code for Strawberry
 * (Python), graphql-java and graphql-js. {@code --fix-style} picks them; by default SDL plus the
 * framework the schema itself gives away ({@link #suggestedFor(GraphQLSchema)}).
 */
public enum FixStyle {
  SDL("SDL", "sdl"),
  STRAWBERRY("Strawberry", "strawberry"),
  GRAPHQL_JAVA("graphql-java", "graphql-java"),
  GRAPHQL_JS("graphql-js", "graphql-js");

  /**
   * Descriptions Strawberry gives its own scalars, kept by its SDL export and its introspection
   * alike; no other framework words them so. graphql-js and graphql-java leave no such trace in a
   * schema (their built-in scalars are not printed, and graphql-java replaces them on load).
   */
  private static final Map<String, String> STRAWBERRY_SCALARS = Map.of(
      "JSON", "The `JSON` scalar type represents JSON values as specified by [ECMA-404]",
      "DateTime", "Date with time (isoformat)",
      "Date", "Date (isoformat)",
      "Time", "Time (isoformat)",
      "Decimal", "Decimal (fixed-point)",
      "Void", "Represents NULL values");

  private final String heading;
  private final String option;

  FixStyle(String heading, String option) {
    this.heading = heading;
    this.option = option;
  }

  /** The heading of this style's snippet in a fix: {@code graphql-java:}. */
  public String heading() {
    return heading;
  }

  /** The {@code --fix-style} value: {@code graphql-java}. */
  public String option() {
    return option;
  }

  /** The style named {@code name} ({@code sdl}, {@code strawberry}, {@code graphql-java}, {@code graphql-js}). */
  public static FixStyle parse(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (FixStyle style : values()) {
      if (style.option.equals(wanted)) {
        return style;
      }
    }
    throw new IllegalArgumentException("Unknown fix style '" + name + "': use sdl, strawberry, graphql-java or graphql-js.");
  }

  /**
   * SDL, plus Strawberry when the schema defines one of Strawberry's scalars with Strawberry's own
   * description (e.g. {@code JSON} "…as specified by [ECMA-404]…", {@code DateTime} "Date with time
   * (isoformat)"). Nothing in a graphql-js or graphql-java schema tells them apart from any other
   * source, so those need {@code --fix-style}.
   */
  public static List<FixStyle> suggestedFor(GraphQLSchema schema) {
    List<FixStyle> styles = new ArrayList<>(List.of(SDL));
    for (Map.Entry<String, String> scalar : STRAWBERRY_SCALARS.entrySet()) {
      GraphQLType type = schema.getType(scalar.getKey());
      if (type instanceof GraphQLScalarType defined && defined.getDescription() != null
          && defined.getDescription().startsWith(scalar.getValue())) {
        styles.add(STRAWBERRY);
        break;
      }
    }
    return List.copyOf(styles);
  }
}

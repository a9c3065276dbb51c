package dev.subpact.graphql.schema;

import graphql.schema.GraphQLSchema;
import java.util.Objects;

/**
 * A backend's schema as subpact loaded it: the graphql-java schema and where it came from (a file
 * path or URL), for reports.
 *
 * @param graphql the executable-shape schema (resolvers are not needed to validate)
 * @param origin the file or URL it was loaded from, as the user gave it
 * @param sdl the SDL text when loaded from SDL, otherwise printed from the schema
 */
public record Schema(GraphQLSchema graphql, String origin, String sdl) {

  public Schema {
    Objects.requireNonNull(graphql, "graphql");
    Objects.requireNonNull(origin, "origin");
  }
}

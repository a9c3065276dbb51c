package dev.subpact.graphql.check;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Renames recognised by shape between a baseline schema and the new one, whatever the names: in one
 * type, exactly one field removed and one added, at the same position, of the same type with the
 * same arguments ({@code Message.text: String!} → {@code Message.body: String!}); in one field,
 * exactly one argument removed and one added, at the same position, of the same type. Name
 * similarity (graphql-core's "Did you mean") cannot see such a rename; the shape can.
 */
final class ShapeRenames {

  static final ShapeRenames NONE = new ShapeRenames(Map.of(), Map.of());

  /** New field name by {@code Type.old}. */
  private final Map<String, String> fields;
  /** New argument name by {@code Type.field(old:)}. */
  private final Map<String, String> arguments;

  private ShapeRenames(Map<String, String> fields, Map<String, String> arguments) {
    this.fields = fields;
    this.arguments = arguments;
  }

  static ShapeRenames between(GraphQLSchema baseline, GraphQLSchema schema) {
    Map<String, String> fields = new HashMap<>();
    Map<String, String> arguments = new HashMap<>();
    for (GraphQLNamedType type : schema.getAllTypesAsList()) {
      if (type instanceof GraphQLFieldsContainer now && !type.getName().startsWith("__")
          && baseline.getType(type.getName()) instanceof GraphQLFieldsContainer before) {
        renamed(before.getFieldDefinitions(), now.getFieldDefinitions(), GraphQLFieldDefinition::getName, ShapeRenames::fieldShape)
            .ifPresent(r -> fields.put(type.getName() + "." + r.old(), r.now()));
        for (GraphQLFieldDefinition field : now.getFieldDefinitions()) {
          GraphQLFieldDefinition old = before.getFieldDefinition(field.getName());
          if (old != null) {
            renamed(old.getArguments(), field.getArguments(), GraphQLArgument::getName, a -> InputTypes.print(a.getType()))
                .ifPresent(r -> arguments.put(type.getName() + "." + field.getName() + "(" + r.old() + ":)", r.now()));
          }
        }
      }
    }
    return new ShapeRenames(Map.copyOf(fields), Map.copyOf(arguments));
  }

  /** The field {@code old} of {@code type} became, or empty. */
  Optional<String> field(String type, String old) {
    return Optional.ofNullable(fields.get(type + "." + old));
  }

  /** The argument {@code old} of {@code type.field} became, or empty. */
  Optional<String> argument(String type, String field, String old) {
    return Optional.ofNullable(arguments.get(type + "." + field + "(" + old + ":)"));
  }

  private record Renamed(String old, String now) {}

  /** The one element removed and the one added at the same position with the same shape, if that is all that changed in names. */
  private static <T> Optional<Renamed> renamed(List<T> before, List<T> after, Function<T, String> name, Function<T, String> shape) {
    List<String> beforeNames = before.stream().map(name).toList();
    List<String> afterNames = after.stream().map(name).toList();
    List<Integer> removed = positionsMissing(beforeNames, afterNames);
    List<Integer> added = positionsMissing(afterNames, beforeNames);
    if (removed.size() != 1 || added.size() != 1 || !removed.get(0).equals(added.get(0))
        || !shape.apply(before.get(removed.get(0))).equals(shape.apply(after.get(added.get(0))))) {
      return Optional.empty();
    }
    return Optional.of(new Renamed(beforeNames.get(removed.get(0)), afterNames.get(added.get(0))));
  }

  private static List<Integer> positionsMissing(List<String> names, List<String> others) {
    return IntStream.range(0, names.size()).filter(i -> !others.contains(names.get(i))).boxed().toList();
  }

  /** A field's type and its arguments' names and types: {@code String!(format:String)}. */
  private static String fieldShape(GraphQLFieldDefinition field) {
    StringBuilder shape = new StringBuilder(InputTypes.print(field.getType())).append('(');
    for (GraphQLArgument argument : field.getArguments()) {
      shape.append(argument.getName()).append(':').append(InputTypes.print(argument.getType())).append(' ');
    }
    return shape.append(')').toString();
  }
}

package dev.subpact.graphql.operation;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema coordinate as the GraphQL spec RFC writes it: {@code Type.field} or
 * {@code Type.field(argument:)}.
 */
public record SchemaCoordinate(String typeName, String fieldName, String argumentName)
    implements Comparable<SchemaCoordinate> {

  private static final Comparator<SchemaCoordinate> ORDER =
      Comparator.comparing(SchemaCoordinate::typeName)
          .thenComparing(SchemaCoordinate::fieldName, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(SchemaCoordinate::argumentName, Comparator.nullsFirst(Comparator.naturalOrder()));

  public SchemaCoordinate {
    Objects.requireNonNull(typeName, "typeName");
  }

  public static SchemaCoordinate type(String typeName) {
    return new SchemaCoordinate(typeName, null, null);
  }

  public static SchemaCoordinate field(String typeName, String fieldName) {
    return new SchemaCoordinate(typeName, fieldName, null);
  }

  public static SchemaCoordinate argument(String typeName, String fieldName, String argumentName) {
    return new SchemaCoordinate(typeName, fieldName, argumentName);
  }

  /** Parses {@code Type}, {@code Type.field} or {@code Type.field(argument:)}. */
  public static SchemaCoordinate parse(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return type(text);
    }
    String type = text.substring(0, dot);
    String rest = text.substring(dot + 1);
    int paren = rest.indexOf('(');
    if (paren < 0) {
      return field(type, rest);
    }
    if (!rest.endsWith(":)")) {
      throw new IllegalArgumentException("Not a schema coordinate: " + text);
    }
    return argument(type, rest.substring(0, paren), rest.substring(paren + 1, rest.length() - 2));
  }

  @Override
  public String toString() {
    if (fieldName == null) {
      return typeName;
    }
    return argumentName == null
        ? typeName + "." + fieldName
        : typeName + "." + fieldName + "(" + argumentName + ":)";
  }

  @Override
  public int compareTo(SchemaCoordinate other) {
    return ORDER.compare(this, other);
  }
}

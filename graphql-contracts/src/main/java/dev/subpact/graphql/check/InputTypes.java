package dev.subpact.graphql.check;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/** Input-type questions graphql-core asks: the schema type of a variable's declared type, and subtyping. */
final class InputTypes {

  private InputTypes() {}

  /** graphql-core's {@code type_from_ast}: the schema type, or {@code null} if a name is unknown. */
  static GraphQLType fromAst(GraphQLSchema schema, Type<?> type) {
    if (type instanceof NonNullType nonNull) {
      GraphQLType inner = fromAst(schema, nonNull.getType());
      return inner == null ? null : GraphQLNonNull.nonNull(inner);
    }
    if (type instanceof ListType list) {
      GraphQLType inner = fromAst(schema, list.getType());
      return inner == null ? null : GraphQLList.list(inner);
    }
    return schema.getType(((TypeName) type).getName());
  }

  /** graphql-core's {@code is_type_sub_type_of} for input types: can a value of {@code maybeSub} go where {@code sup} is expected? */
  static boolean isSubType(GraphQLType maybeSub, GraphQLType sup) {
    if (sup instanceof GraphQLNonNull supNonNull) {
      return maybeSub instanceof GraphQLNonNull subNonNull
          && isSubType(subNonNull.getWrappedType(), supNonNull.getWrappedType());
    }
    if (maybeSub instanceof GraphQLNonNull subNonNull) {
      return isSubType(subNonNull.getWrappedType(), sup);
    }
    if (sup instanceof GraphQLList supList) {
      return maybeSub instanceof GraphQLList subList
          && isSubType(subList.getWrappedType(), supList.getWrappedType());
    }
    if (maybeSub instanceof GraphQLList) {
      return false;
    }
    return GraphQLTypeUtil.unwrapAll(maybeSub).getName().equals(GraphQLTypeUtil.unwrapAll(sup).getName());
  }

  /** graphql-core's {@code allowed_variable_usage}: defaults on either side allow a nullable variable in a non-null position. */
  static boolean allowedVariableUsage(
      GraphQLType variableType, boolean variableHasNonNullDefault, GraphQLType locationType, boolean locationHasDefault) {
    if (locationType instanceof GraphQLNonNull nonNull && !(variableType instanceof GraphQLNonNull)) {
      if (!variableHasNonNullDefault && !locationHasDefault) {
        return false;
      }
      return isSubType(variableType, nonNull.getWrappedType());
    }
    return isSubType(variableType, locationType);
  }

  /** {@code [String!]!} */
  static String print(GraphQLType type) {
    return GraphQLTypeUtil.simplePrint(type);
  }

  static boolean isInput(GraphQLType type) {
    return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputType;
  }
}

package dev.subpact.graphql.operation;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The schema coordinates an operation uses ({@code Type.field} and {@code Type.field(argument:)}),
 * resolved against a schema. Names the schema does not know are left out: the checker reports them.
 */
public final class OperationCoordinates {

  private OperationCoordinates() {}

  /** Every coordinate {@code operation} touches in {@code schema}, sorted. */
  public static SortedSet<SchemaCoordinate> of(Operation operation, GraphQLSchema schema) {
    GraphQLObjectType root =
        switch (operation.type()) {
          case QUERY -> schema.getQueryType();
          case MUTATION -> schema.getMutationType();
          case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    SortedSet<SchemaCoordinate> out = new TreeSet<>();
    if (root == null) {
      return out;
    }
    Map<String, FragmentDefinition> fragments =
        operation.document().ast().getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    new Walk(schema, fragments, out).selections(root, operation.definition().getSelectionSet());
    return out;
  }

  private record Walk(
      GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Set<SchemaCoordinate> out) {

    void selections(GraphQLType parent, SelectionSet set) {
      if (set == null || !(parent instanceof GraphQLFieldsContainer container)) {
        return;
      }
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          field(container, field);
        } else if (selection instanceof InlineFragment inline) {
          GraphQLType target =
              inline.getTypeCondition() == null
                  ? parent
                  : schema.getType(inline.getTypeCondition().getName());
          selections(target, inline.getSelectionSet());
        } else if (selection instanceof FragmentSpread spread) {
          FragmentDefinition fragment = fragments.get(spread.getName());
          if (fragment != null) {
            selections(schema.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet());
          }
        }
      }
    }

    private void field(GraphQLFieldsContainer parent, Field field) {
      if (field.getName().startsWith("__")) {
        return;
      }
      GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
      if (definition == null) {
        return;
      }
      out.add(SchemaCoordinate.field(parent.getName(), field.getName()));
      for (Argument argument : field.getArguments()) {
        if (definition.getArgument(argument.getName()) != null) {
          out.add(SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName()));
        }
      }
      selections(GraphQLTypeUtil.unwrapAll(definition.getType()), field.getSelectionSet());
    }
  }
}

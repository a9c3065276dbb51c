package dev.subpact.stale;

import dev.subpact.graphql.operation.Operation;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an operation asks for, without a schema: every selected field as a dotted path from the
 * root ({@code thread_events.payload_message.message_id}, response keys so aliases
 * count), every argument ({@code thread_events(want_message_types:)}) and every variable
 * ({@code $want_message_types}). Fragments are inlined.
 */
final class SelectionPaths {

  private SelectionPaths() {}

  static SortedSet<String> of(Operation operation) {
    SortedSet<String> out = new TreeSet<>();
    for (VariableDefinition variable : operation.definition().getVariableDefinitions()) {
      out.add("$" + variable.getName());
    }
    Map<String, FragmentDefinition> fragments =
        operation.document().ast().getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    walk(operation.definition().getSelectionSet(), "", fragments, out, 0);
    return out;
  }

  private static void walk(SelectionSet set, String prefix, Map<String, FragmentDefinition> fragments, SortedSet<String> out, int depth) {
    if (set == null || depth > 64) {
      return;
    }
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        String path = prefix + field.getResultKey() + (field.getAlias() == null ? "" : ":" + field.getName());
        out.add(path);
        for (Argument argument : field.getArguments()) {
          out.add(path + "(" + argument.getName() + ":)");
        }
        walk(field.getSelectionSet(), path + ".", fragments, out, depth + 1);
      } else if (selection instanceof InlineFragment inline) {
        walk(inline.getSelectionSet(), prefix, fragments, out, depth + 1);
      } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
        walk(fragments.get(spread.getName()).getSelectionSet(), prefix, fragments, out, depth + 1);
      }
    }
  }
}

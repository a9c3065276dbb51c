package dev.subpact.graphql.schema;

import graphql.language.Argument;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts back the deprecations of arguments and input fields that graphql-java's
 * {@code IntrospectionResultToSchema} drops, from the introspection result itself: a renamed
 * argument kept as a deprecated alias (the incident's fix) must warn the same whether the schema
 * came as SDL or from the backend's introspection.
 */
final class InputValueDeprecations {

  private static final String NO_LONGER_SUPPORTED = "No longer supported";

  private InputValueDeprecations() {}

  /** {@code document} with {@code @deprecated} on every input value the introspection result marks deprecated. */
  static Document restore(Map<String, Object> schema, Document document) {
    Map<String, String> reasons = new HashMap<>();
    for (Map<String, Object> type : maps(schema.get("types"))) {
      String typeName = String.valueOf(type.get("name"));
      for (Map<String, Object> field : maps(type.get("fields"))) {
        for (Map<String, Object> argument : maps(field.get("args"))) {
          collect(reasons, typeName + "." + field.get("name") + "(" + argument.get("name") + ")", argument);
        }
      }
      for (Map<String, Object> inputField : maps(type.get("inputFields"))) {
        collect(reasons, typeName + "." + inputField.get("name"), inputField);
      }
    }
    if (reasons.isEmpty()) {
      return document;
    }
    List<Definition> definitions = new ArrayList<>();
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof ObjectTypeDefinition object) {
        definitions.add(object.transform(b -> b.fieldDefinitions(withArguments(object.getName(), object.getFieldDefinitions(), reasons))));
      } else if (definition instanceof InterfaceTypeDefinition iface) {
        definitions.add(iface.transform(b -> b.definitions(withArguments(iface.getName(), iface.getFieldDefinitions(), reasons))));
      } else if (definition instanceof InputObjectTypeDefinition input) {
        definitions.add(input.transform(b -> b.inputValueDefinitions(input.getInputValueDefinitions().stream()
            .map(v -> deprecated(v, reasons.get(input.getName() + "." + v.getName()))).toList())));
      } else {
        definitions.add(definition);
      }
    }
    return document.transform(b -> b.definitions(definitions));
  }

  private static List<FieldDefinition> withArguments(String type, List<FieldDefinition> fields, Map<String, String> reasons) {
    return fields.stream().map(f -> f.transform(b -> b.inputValueDefinitions(f.getInputValueDefinitions().stream()
        .map(a -> deprecated(a, reasons.get(type + "." + f.getName() + "(" + a.getName() + ")"))).toList()))).toList();
  }

  private static InputValueDefinition deprecated(InputValueDefinition value, String reason) {
    if (reason == null || value.getDirectives().stream().anyMatch(d -> d.getName().equals("deprecated"))) {
      return value;
    }
    return value.transform(b -> b.directive(Directive.newDirective().name("deprecated")
        .arguments(List.of(Argument.newArgument("reason", StringValue.of(reason)).build())).build()));
  }

  private static void collect(Map<String, String> reasons, String key, Map<String, Object> inputValue) {
    if (Boolean.TRUE.equals(inputValue.get("isDeprecated"))) {
      Object reason = inputValue.get("deprecationReason");
      reasons.put(key, reason == null ? NO_LONGER_SUPPORTED : reason.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object list) {
    return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }
}

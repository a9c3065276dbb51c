package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.SchemaCoordinate;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.Node;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * graphql-core 3.2's validation rules for the breaks subpact words itself — unknown field, unknown
 * argument, missing required argument, variable in a wrong position, unknown type, leaf selections,
 * literal values of the wrong type ({@code ValuesOfCorrectTypeRule}), fragments spread on impossible
 * types ({@code PossibleFragmentSpreadsRule}) — plus its {@code NoDeprecatedCustomRule}, run as graphql-core runs them: all rules side by side in
 * one depth-first traversal, each error stamped with the traversal step that raised it, so merging
 * by step gives graphql-core's order.
 */
final class CoreRules {

  /** A worded error and the traversal step that raised it. */
  record Raised(long step, Finding finding) {}

  /** Errors in traversal order, deprecation warnings, and the step at which each location was entered. */
  record Result(List<Raised> errors, List<Finding> warnings, Map<SourceLocation, Long> enteredAt) {}

  private record Usage(VariableReference node, GraphQLType type, boolean locationHasDefault, SchemaCoordinate coordinate) {}

  private final GraphQLSchema schema;
  private final RenameHints hints;
  private final Map<String, FragmentDefinition> fragments = new HashMap<>();
  private final boolean report;
  private final boolean recordEntries;
  private final String text;
  private final List<Raised> errors = new ArrayList<>();
  private final List<Finding> warnings = new ArrayList<>();
  private final Map<SourceLocation, Long> enteredAt = new HashMap<>();
  private List<Usage> usages = new ArrayList<>();
  private Map<String, VariableDefinition> variables = Map.of();
  private long step;

  private CoreRules(GraphQLSchema schema, RenameHints hints, String text, boolean report, boolean recordEntries) {
    this.text = text;
    this.schema = schema;
    this.hints = hints;
    this.report = report;
    this.recordEntries = recordEntries;
  }

  /**
   * Runs the rules over {@code document}; {@code recordEntries} also records the step at which each
   * location was entered (needed only to place other errors in the same order); {@code hints} writes
   * the rename fixes.
   */
  static Result run(GraphQLSchema schema, RenameHints hints, Document document, String text, boolean recordEntries) {
    CoreRules rules = new CoreRules(schema, hints, text, true, recordEntries);
    rules.document(document);
    return new Result(rules.errors, rules.warnings, rules.enteredAt);
  }

  // ------------------------------------------------------------------ traversal

  private void document(Document document) {
    for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.putIfAbsent(fragment.getName(), fragment);
    }
    for (Definition<?> definition : document.getDefinitions()) {
      if (definition instanceof OperationDefinition operation) {
        operation(operation);
      } else if (definition instanceof FragmentDefinition fragment) {
        enter(fragment);
        typeCondition(fragment.getTypeCondition());
        directives(fragment.getDirectives());
        selectionSet(schema.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet());
        step++;
      }
    }
  }

  private void operation(OperationDefinition operation) {
    enter(operation);
    usages = new ArrayList<>();
    variables = new LinkedHashMap<>();
    for (VariableDefinition definition : operation.getVariableDefinitions()) {
      enter(definition);
      variables.putIfAbsent(definition.getName(), definition);
      typeNames(definition.getType());
      if (definition.getDefaultValue() != null) {
        GraphQLType variableType = InputTypes.fromAst(schema, definition.getType());
        value(definition.getDefaultValue(), variableType, false,
            variableType == null ? null : SchemaCoordinate.type(GraphQLTypeUtil.unwrapAll(variableType).getName()));
      }
      step++;
    }
    directives(operation.getDirectives());
    GraphQLObjectType root =
        switch (operation.getOperation()) {
          case QUERY -> schema.getQueryType();
          case MUTATION -> schema.getMutationType();
          case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    selectionSet(root, operation.getSelectionSet());
    step++;
    variablesInAllowedPosition(operation);
  }

  private void selectionSet(GraphQLType type, SelectionSet set) {
    if (set == null) {
      return;
    }
    enter(set);
    GraphQLType named = type == null ? null : GraphQLTypeUtil.unwrapAll(type);
    GraphQLCompositeType parent = named instanceof GraphQLCompositeType composite ? composite : null;
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        field(parent, field, set);
      } else if (selection instanceof InlineFragment inline) {
        enter(inline);
        GraphQLType target = named;
        if (inline.getTypeCondition() != null) {
          target = schema.getType(inline.getTypeCondition().getName());
        }
        possibleSpread(parent, target, null, inline);
        if (inline.getTypeCondition() != null) {
          typeCondition(inline.getTypeCondition());
        }
        directives(inline.getDirectives());
        selectionSet(target, inline.getSelectionSet());
        step++;
      } else if (selection instanceof FragmentSpread spread) {
        enter(spread);
        FragmentDefinition fragment = fragments.get(spread.getName());
        if (fragment != null) {
          possibleSpread(parent, schema.getType(fragment.getTypeCondition().getName()), spread.getName(), spread);
        }
        directives(spread.getDirectives());
        step++;
      }
    }
    step++;
  }

  private void field(GraphQLCompositeType parent, Field field, SelectionSet siblings) {
    enter(field);
    GraphQLFieldDefinition definition = parent == null ? null : fieldDefinition(parent, field.getName());
    GraphQLType type = definition == null ? null : definition.getType();
    scalarLeafs(field, type);
    if (parent != null && definition == null) {
      unknownField(parent, field, siblings);
    }
    if (definition != null && definition.isDeprecated() && !field.getName().startsWith("__")) {
      warnings.add(new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING,
          "The field " + parent.getName() + "." + field.getName() + " is deprecated. " + definition.getDeprecationReason(),
          SchemaCoordinate.field(parent.getName(), field.getName()), null, locations(field), null, null));
    }
    Map<String, String> renamedArguments = new HashMap<>(2);
    for (Argument argument : field.getArguments()) {
      enter(argument);
      GraphQLArgument argumentDefinition = definition == null ? null : definition.getArgument(argument.getName());
      SchemaCoordinate coordinate = parent == null ? null
          : SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName());
      if (argumentDefinition == null && definition != null) {
        unknownArgument((GraphQLFieldsContainer) parent, definition, field, argument)
            .ifPresent(newName -> renamedArguments.put(newName, argument.getName()));
      }
      if (argumentDefinition != null && argumentDefinition.isDeprecated()) {
        warnings.add(new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING,
            "Field '" + parent.getName() + "." + field.getName() + "' argument '" + argument.getName()
                + "' is deprecated. " + argumentDefinition.getDeprecationReason(),
            coordinate, null, locations(argument), null, null));
      }
      value(argument.getValue(),
          argumentDefinition == null ? null : argumentDefinition.getType(),
          argumentDefinition != null && argumentDefinition.hasSetDefaultValue(),
          coordinate);
      step++;
    }
    directives(field.getDirectives());
    selectionSet(type, field.getSelectionSet());
    step++;
    if (definition != null) {
      providedRequiredArguments(parent, definition, field, renamedArguments);
    }
  }

  private void directives(List<Directive> directives) {
    for (Directive directive : directives) {
      enter(directive);
      GraphQLDirective definition = schema.getDirective(directive.getName());
      if (definition != null) {
        unknownDirectiveArguments(directive, definition);
      }
      for (Argument argument : directive.getArguments()) {
        enter(argument);
        GraphQLArgument argumentDefinition = definition == null ? null : definition.getArgument(argument.getName());
        value(argument.getValue(),
            argumentDefinition == null ? null : argumentDefinition.getType(),
            argumentDefinition != null && argumentDefinition.hasSetDefaultValue(),
            null);
        step++;
      }
      step++;
      if (definition != null) {
        requiredDirectiveArguments(directive, definition);
      }
    }
  }

  private void value(Value<?> value, GraphQLType type, boolean hasDefault, SchemaCoordinate coordinate) {
    value(value, type, hasDefault, coordinate, true);
  }

  /**
   * Visits a value; {@code checked} is false below a list or object literal that
   * ValuesOfCorrectTypeRule already rejected as a whole (graphql-core skips it).
   */
  private void value(Value<?> value, GraphQLType type, boolean hasDefault, SchemaCoordinate coordinate, boolean checked) {
    enter(value);
    if (value instanceof VariableReference variable) {
      usages.add(new Usage(variable, type, hasDefault, coordinate));
    } else if (value instanceof NullValue) {
      if (checked && type instanceof GraphQLNonNull) {
        invalidValue("Expected value of type '" + InputTypes.print(type) + "', found null.", value, coordinate);
      }
    } else if (value instanceof ArrayValue array) {
      GraphQLType nullable = type == null ? null : GraphQLTypeUtil.unwrapNonNull(type);
      boolean list = nullable instanceof GraphQLList;
      if (checked && !list) {
        invalidValue(LiteralValues.problem(array, type), value, coordinate);
      }
      GraphQLType item = list ? ((GraphQLList) nullable).getWrappedType() : nullable;
      array.getValues().forEach(v -> value(v, item, false, coordinate, checked && list));
    } else if (value instanceof ObjectValue object) {
      GraphQLType named = type == null ? null : GraphQLTypeUtil.unwrapAll(type);
      GraphQLInputObjectType input = named instanceof GraphQLInputObjectType i ? i : null;
      if (checked && input == null) {
        invalidValue(LiteralValues.problem(object, type), value, coordinate);
      }
      if (checked && input != null) {
        requiredInputFields(object, input);
      }
      for (ObjectField field : object.getObjectFields()) {
        enter(field);
        GraphQLInputObjectField definition = input == null ? null : input.getField(field.getName());
        if (checked && input != null && definition == null) {
          List<String> suggestions = Suggestions.list(field.getName(),
              input.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList());
          raise(new Finding(FindingKind.INVALID_VALUE, Severity.ERROR,
              "Field '" + field.getName() + "' is not defined by type '" + input.getName() + "'." + Suggestions.didYouMean(suggestions),
              SchemaCoordinate.field(input.getName(), field.getName()), first(suggestions), nameLocation(field), null, null));
        }
        if (definition != null && definition.isDeprecated()) {
          warnings.add(new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING,
              "The input field " + input.getName() + "." + field.getName() + " is deprecated. " + definition.getDeprecationReason(),
              SchemaCoordinate.field(input.getName(), field.getName()), null, nameLocation(field), null, null));
        }
        value(field.getValue(), definition == null ? null : definition.getType(),
            definition != null && definition.hasSetDefaultValue(), coordinate, checked && input != null);
        step++;
      }
    } else {
      if (checked) {
        invalidValue(LiteralValues.problem(value, type), value, coordinate);
      }
      if (value instanceof EnumValue enumValue
          && (type == null ? null : GraphQLTypeUtil.unwrapNonNull(type)) instanceof GraphQLEnumType enumType) {
        GraphQLEnumValueDefinition definition = enumType.getValue(enumValue.getName());
        if (definition != null && definition.isDeprecated()) {
          warnings.add(new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING,
              "The enum value '" + enumType.getName() + "." + enumValue.getName() + "' is deprecated. "
                  + definition.getDeprecationReason(),
              SchemaCoordinate.field(enumType.getName(), enumValue.getName()), null, locations(value), null, null));
        }
      }
    }
    step++;
  }

  /** ValuesOfCorrectTypeRule: a literal the location's type does not accept ({@code problem} may be null: it fits). */
  private void invalidValue(String problem, Value<?> value, SchemaCoordinate coordinate) {
    if (problem != null) {
      raise(new Finding(FindingKind.INVALID_VALUE, Severity.ERROR, problem, coordinate, null, locations(value), null, null));
    }
  }

  /** ValuesOfCorrectTypeRule: the required fields an input object literal leaves out. */
  private void requiredInputFields(ObjectValue object, GraphQLInputObjectType input) {
    Set<String> given = new HashSet<>();
    object.getObjectFields().forEach(f -> given.add(f.getName()));
    for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
      if (!given.contains(field.getName()) && field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
        raise(new Finding(FindingKind.INVALID_VALUE, Severity.ERROR,
            "Field '" + input.getName() + "." + field.getName() + "' of required type '" + InputTypes.print(field.getType())
                + "' was not provided.",
            SchemaCoordinate.field(input.getName(), field.getName()), null, locations(object), null, null));
      }
    }
  }

  private void typeNames(Type<?> type) {
    enter(type);
    if (type instanceof NonNullType nonNull) {
      typeNames(nonNull.getType());
    } else if (type instanceof ListType list) {
      typeNames(list.getType());
    } else {
      typeCondition((TypeName) type);
      return;
    }
    step++;
  }

  // ------------------------------------------------------------------ rules

  /** KnownTypeNamesRule. */
  private void typeCondition(TypeName name) {
    enter(name);
    if (schema.getType(name.getName()) == null) {
      List<String> names = schema.getAllTypesAsList().stream().map(GraphQLNamedType::getName).toList();
      List<String> suggestions = Suggestions.list(name.getName(), names);
      raise(new Finding(FindingKind.UNKNOWN_TYPE, Severity.ERROR,
          "Unknown type '" + name.getName() + "'." + Suggestions.didYouMean(suggestions),
          SchemaCoordinate.type(name.getName()), first(suggestions), locations(name), null, null));
    }
    step++;
  }

  /** ScalarLeafsRule (worded as graphql-core, kind OTHER). */
  private void scalarLeafs(Field field, GraphQLType type) {
    if (type == null) {
      return;
    }
    GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
    if (GraphQLTypeUtil.isLeaf(named) && field.getSelectionSet() != null) {
      raise(new Finding(FindingKind.OTHER, Severity.ERROR,
          "Field '" + field.getName() + "' must not have a selection since type '" + InputTypes.print(type)
              + "' has no subfields.", null, null, locations(field.getSelectionSet()), null, null));
    } else if (!GraphQLTypeUtil.isLeaf(named) && field.getSelectionSet() == null) {
      raise(new Finding(FindingKind.OTHER, Severity.ERROR,
          "Field '" + field.getName() + "' of type '" + InputTypes.print(type)
              + "' must have a selection of subfields. Did you mean '" + field.getName() + " { ... }'?",
          null, null, locations(field), null, null));
    }
  }

  /** PossibleFragmentSpreadsRule: a fragment whose type can never apply where it is spread. */
  private void possibleSpread(GraphQLCompositeType parent, GraphQLType fragmentType, String fragmentName, Node<?> node) {
    if (parent == null || !(fragmentType instanceof GraphQLCompositeType target) || typesOverlap(target, parent)) {
      return;
    }
    raise(new Finding(FindingKind.IMPOSSIBLE_FRAGMENT, Severity.ERROR,
        "Fragment " + (fragmentName == null ? "" : "'" + fragmentName + "' ") + "cannot be spread here as objects of type '"
            + parent.getName() + "' can never be of type '" + target.getName() + "'.",
        SchemaCoordinate.type(target.getName()), null, locations(node), null, null));
  }

  /** graphql-core's {@code do_types_overlap}. */
  private boolean typesOverlap(GraphQLCompositeType a, GraphQLCompositeType b) {
    if (a.getName().equals(b.getName())) {
      return true;
    }
    List<GraphQLObjectType> possibleA = possibleTypes(a);
    List<GraphQLObjectType> possibleB = possibleTypes(b);
    if (possibleA != null && possibleB != null) {
      return possibleA.stream().anyMatch(t -> possibleB.stream().anyMatch(u -> u.getName().equals(t.getName())));
    }
    if (possibleA != null) {
      return possibleA.stream().anyMatch(t -> t.getName().equals(b.getName()));
    }
    return possibleB != null && possibleB.stream().anyMatch(t -> t.getName().equals(a.getName()));
  }

  /** The object types of an abstract type, or {@code null} for an object type. */
  private List<GraphQLObjectType> possibleTypes(GraphQLCompositeType type) {
    if (type instanceof GraphQLUnionType union) {
      return union.getTypes().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList();
    }
    return type instanceof GraphQLInterfaceType iface ? schema.getImplementations(iface) : null;
  }

  /** FieldsOnCorrectTypeRule, with a rename hint when a suggestion fits. */
  private void unknownField(GraphQLCompositeType parent, Field field, SelectionSet siblings) {
    List<String> typeSuggestions = suggestedTypeNames(parent, field.getName());
    String suggestion = Suggestions.didYouMean(typeSuggestions, "to use an inline fragment on");
    List<String> fieldSuggestions = List.of();
    if (suggestion.isEmpty() && parent instanceof GraphQLFieldsContainer container) {
      fieldSuggestions = Suggestions.list(field.getName(),
          container.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).toList());
      suggestion = Suggestions.didYouMean(fieldSuggestions);
    }
    Optional<RenameHints.Rename> rename = parent instanceof GraphQLFieldsContainer container
        ? hints.forField(container, field, fieldSuggestions, fieldNames(siblings))
        : Optional.empty();
    raise(new Finding(FindingKind.UNKNOWN_FIELD, Severity.ERROR,
        "Cannot query field '" + field.getName() + "' on type '" + parent.getName() + "'." + suggestion,
        SchemaCoordinate.field(parent.getName(), field.getName()),
        rename.map(RenameHints.Rename::newName).orElse(first(typeSuggestions.isEmpty() ? fieldSuggestions : typeSuggestions)),
        locations(field), rename.map(RenameHints.Rename::fix).orElse(null), null));
  }

  /** KnownArgumentNamesRule; returns the new name when the unknown argument looks renamed. */
  private Optional<String> unknownArgument(
      GraphQLFieldsContainer parent, GraphQLFieldDefinition definition, Field field, Argument argument) {
    List<String> suggestions = Suggestions.list(argument.getName(),
        definition.getArguments().stream().map(GraphQLArgument::getName).toList());
    GraphQLType variableType = null;
    if (argument.getValue() instanceof VariableReference reference && variables.containsKey(reference.getName())) {
      variableType = InputTypes.fromAst(schema, variables.get(reference.getName()).getType());
    }
    Optional<RenameHints.Rename> rename =
        hints.forArgument(parent, definition, argument, variableType, suggestions, argumentNames(field));
    raise(new Finding(FindingKind.UNKNOWN_ARGUMENT, Severity.ERROR,
        "Unknown argument '" + argument.getName() + "' on field '" + parent.getName() + "." + field.getName() + "'."
            + Suggestions.didYouMean(suggestions),
        SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName()),
        rename.map(RenameHints.Rename::newName).orElse(first(suggestions)),
        locations(argument), rename.map(RenameHints.Rename::fix).orElse(null), null));
    return rename.map(RenameHints.Rename::newName);
  }

  /** KnownArgumentNamesOnDirectivesRule. */
  private void unknownDirectiveArguments(Directive directive, GraphQLDirective definition) {
    List<String> known = definition.getArguments().stream().map(GraphQLArgument::getName).toList();
    for (Argument argument : directive.getArguments()) {
      if (!known.contains(argument.getName())) {
        List<String> suggestions = Suggestions.list(argument.getName(), known);
        raise(new Finding(FindingKind.UNKNOWN_ARGUMENT, Severity.ERROR,
            "Unknown argument '" + argument.getName() + "' on directive '@" + directive.getName() + "'."
                + Suggestions.didYouMean(suggestions),
            null, first(suggestions), locations(argument), null, null));
      }
    }
  }

  /** ProvidedRequiredArgumentsOnDirectivesRule (on leaving the directive). */
  private void requiredDirectiveArguments(Directive directive, GraphQLDirective definition) {
    for (GraphQLArgument argument : definition.getArguments()) {
      if (directive.getArgument(argument.getName()) == null && RenameHints.isRequired(argument)) {
        raise(new Finding(FindingKind.MISSING_REQUIRED_ARGUMENT, Severity.ERROR,
            "Directive '@" + directive.getName() + "' argument '" + argument.getName() + "' of type '"
                + InputTypes.print(argument.getType()) + "' is required, but it was not provided.",
            null, null, locations(directive), null, null));
      }
    }
  }

  /** ProvidedRequiredArgumentsRule (on leaving the field). */
  private void providedRequiredArguments(GraphQLCompositeType parent, GraphQLFieldDefinition definition, Field field,
      Map<String, String> renamedArguments) {
    for (GraphQLArgument argument : definition.getArguments()) {
      if (RenameHints.isRequired(argument) && !passes(field, argument.getName())) {
        String oldName = renamedArguments.get(argument.getName());
        raise(new Finding(FindingKind.MISSING_REQUIRED_ARGUMENT, Severity.ERROR,
            "Field '" + field.getName() + "' argument '" + argument.getName() + "' of type '"
                + InputTypes.print(argument.getType()) + "' is required, but it was not provided.",
            SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName()),
            null, locations(field),
            oldName == null ? null : hints.forMissingReplacement(argument, oldName), null));
      }
    }
  }

  /** VariablesInAllowedPositionRule (on leaving the operation), fragments' usages included. */
  private void variablesInAllowedPosition(OperationDefinition operation) {
    List<Usage> all = new ArrayList<>(usages);
    for (FragmentDefinition fragment : referencedFragments(operation)) {
      all.addAll(usagesIn(fragment));
    }
    for (Usage usage : all) {
      VariableDefinition definition = variables.get(usage.node().getName());
      if (definition == null || usage.type() == null) {
        continue;
      }
      GraphQLType variableType = InputTypes.fromAst(schema, definition.getType());
      boolean nonNullDefault = definition.getDefaultValue() != null && !(definition.getDefaultValue() instanceof NullValue);
      if (variableType != null
          && !InputTypes.allowedVariableUsage(variableType, nonNullDefault, usage.type(), usage.locationHasDefault())) {
        List<Location> where = new ArrayList<>(locations(definition));
        where.addAll(locations(usage.node()));
        raise(new Finding(FindingKind.VARIABLE_TYPE_MISMATCH, Severity.ERROR,
            "Variable '$" + usage.node().getName() + "' of type '" + InputTypes.print(variableType)
                + "' used in position expecting type '" + InputTypes.print(usage.type()) + "'.",
            usage.coordinate(), null, where, null, null));
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static Set<String> fieldNames(SelectionSet set) {
    Set<String> names = new LinkedHashSet<>();
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        names.add(field.getName());
      }
    }
    return names;
  }

  private static boolean passes(Field field, String argument) {
    for (Argument passed : field.getArguments()) {
      if (passed.getName().equals(argument)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> argumentNames(Field field) {
    Set<String> names = new LinkedHashSet<>();
    field.getArguments().forEach(a -> names.add(a.getName()));
    return names;
  }

  private List<Usage> usagesIn(FragmentDefinition fragment) {
    CoreRules silent = new CoreRules(schema, hints, text, false, false);
    silent.fragments.putAll(fragments);
    silent.selectionSet(schema.getType(fragment.getTypeCondition().getName()), fragment.getSelectionSet());
    return silent.usages;
  }

  private List<FragmentDefinition> referencedFragments(OperationDefinition operation) {
    Set<String> seen = new LinkedHashSet<>();
    List<SelectionSet> toVisit = new ArrayList<>(List.of(operation.getSelectionSet()));
    while (!toVisit.isEmpty()) {
      SelectionSet set = toVisit.remove(toVisit.size() - 1);
      for (String name : spreads(set)) {
        FragmentDefinition fragment = fragments.get(name);
        if (fragment != null && seen.add(name)) {
          toVisit.add(fragment.getSelectionSet());
        }
      }
    }
    return seen.stream().map(fragments::get).toList();
  }

  private static List<String> spreads(SelectionSet set) {
    List<String> names = new ArrayList<>();
    List<SelectionSet> sets = new ArrayList<>(List.of(set));
    while (!sets.isEmpty()) {
      SelectionSet current = sets.remove(sets.size() - 1);
      for (Selection<?> selection : current.getSelections()) {
        if (selection instanceof FragmentSpread spread) {
          names.add(spread.getName());
        } else if (selection instanceof Field field && field.getSelectionSet() != null) {
          sets.add(field.getSelectionSet());
        } else if (selection instanceof InlineFragment inline) {
          sets.add(inline.getSelectionSet());
        }
      }
    }
    return names;
  }

  /** graphql-core's {@code get_field_def}: meta fields included. */
  private GraphQLFieldDefinition fieldDefinition(GraphQLCompositeType parent, String name) {
    if (name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
      return Introspection.TypeNameMetaFieldDef;
    }
    if (parent == schema.getQueryType()) {
      if (name.equals(Introspection.SchemaMetaFieldDef.getName())) {
        return Introspection.SchemaMetaFieldDef;
      }
      if (name.equals(Introspection.TypeMetaFieldDef.getName())) {
        return Introspection.TypeMetaFieldDef;
      }
    }
    return parent instanceof GraphQLFieldsContainer container ? container.getFieldDefinition(name) : null;
  }

  /** graphql-core's {@code get_suggested_type_names}: for abstract types, the types that do have the field. */
  private List<String> suggestedTypeNames(GraphQLCompositeType type, String fieldName) {
    if (!(type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType)) {
      return List.of();
    }
    Map<GraphQLNamedType, Integer> usage = new LinkedHashMap<>();
    List<GraphQLObjectType> possibleTypes = type instanceof GraphQLUnionType union
        ? union.getTypes().stream().filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()
        : schema.getImplementations((GraphQLInterfaceType) type);
    for (GraphQLObjectType possible : possibleTypes) {
      if (possible.getFieldDefinition(fieldName) == null) {
        continue;
      }
      usage.put(possible, 1);
      for (graphql.schema.GraphQLNamedOutputType candidate : possible.getInterfaces()) {
        if (candidate instanceof GraphQLInterfaceType iface && iface.getFieldDefinition(fieldName) != null) {
          usage.merge(iface, 1, Integer::sum);
        }
      }
    }
    List<GraphQLNamedType> sorted = new ArrayList<>(usage.keySet());
    sorted.sort((a, b) -> {
      int diff = usage.get(b) - usage.get(a);
      if (diff != 0) {
        return diff;
      }
      if (a instanceof GraphQLInterfaceType ia && isSubType(ia, b)) {
        return -1;
      }
      if (b instanceof GraphQLInterfaceType ib && isSubType(ib, a)) {
        return 1;
      }
      return Suggestions.naturalCompare(a.getName(), b.getName());
    });
    return sorted.stream().map(GraphQLNamedType::getName).toList();
  }

  private boolean isSubType(GraphQLInterfaceType abstractType, GraphQLNamedType maybeSub) {
    if (maybeSub instanceof GraphQLObjectType object) {
      return schema.getImplementations(abstractType).contains(object);
    }
    return maybeSub instanceof GraphQLInterfaceType iface
        && iface.getInterfaces().stream().anyMatch(i -> i.getName().equals(abstractType.getName()));
  }

  private void enter(Node<?> node) {
    step++;
    if (recordEntries && node.getSourceLocation() != null) {
      enteredAt.putIfAbsent(node.getSourceLocation(), step);
    }
  }

  private void raise(Finding finding) {
    if (report) {
      errors.add(new Raised(step, finding));
    }
  }

  /**
   * Where an input object field's name starts: graphql-java keeps no location for an object field,
   * only for its value, so the name is found in the text just before the value ({@code name: value}).
   */
  private List<Location> nameLocation(ObjectField field) {
    SourceLocation value = field.getValue().getSourceLocation();
    if (value == null || text == null) {
      return List.of();
    }
    int offset = 0;
    for (int line = 1; line < value.getLine() && offset >= 0; line++) {
      offset = text.indexOf('\n', offset) + 1;
    }
    int at = offset + value.getColumn() - 1;
    int colon = text.lastIndexOf(':', at - 1);
    int end = colon;
    while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int start = end - field.getName().length();
    if (colon < 0 || start < 0 || !text.startsWith(field.getName(), start)) {
      return locations(field.getValue());
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < start; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return List.of(new Location(line, start - lineStart + 1));
  }

  private static List<Location> locations(Node<?> node) {
    SourceLocation location = node.getSourceLocation();
    return location == null ? List.of() : List.of(new Location(location.getLine(), location.getColumn()));
  }

  private static String first(List<String> suggestions) {
    return suggestions.isEmpty() ? null : suggestions.get(0);
  }
}

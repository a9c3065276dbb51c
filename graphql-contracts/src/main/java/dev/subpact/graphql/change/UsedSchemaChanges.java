package dev.subpact.graphql.change;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Location;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.SchemaCoordinate;
import dev.subpact.graphql.schema.Schema;
import graphql.language.Argument;
import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code check --baseline}: what changed between the schema in production (the baseline) and the
 * new one, along the selections of one operation only. The operation's selection set is walked
 * through its fragments against both schemas side by side; a part of the schema the operation does
 * not select never produces a finding. Errors: a selected field's leaf type changed (except
 * {@code ID} ↔ {@code String}, both a JSON string), a selected field or list item became nullable, a
 * list became a single value or the reverse, an enum value or possible type the selection can
 * receive was removed. Warnings ({@link FindingKind#DANGEROUS_CHANGE}): an enum value or possible
 * type added to something selected, a changed default of an argument the operation omits.
 *
 * <p>Inputs ({@link FindingKind#INPUT_CHANGED}): a value the operation sends to a selected field —
 * a literal, or the recorded value of a variable — that the baseline accepts and the new schema
 * refuses (a new required argument or input field, a changed input type, a removed enum value it
 * sends). The new schema alone already refuses such a value in graphql-core's words;
 * {@link #alongside(List, Operation)} puts the two together, so one break is one finding.
 *
 * <p>Thread-safe; findings are cached per operation (document text and operation name).
 */
public final class UsedSchemaChanges {

  private final GraphQLSchema before;
  private final GraphQLSchema after;
  private final String baselineOrigin;
  private final Map<String, List<Change>> byOperation = new ConcurrentHashMap<>();

  /**
   * One change the operation feels; for an input change, what feeds the refused value: the
   * variables it is read from and the locations of its literal (where the new schema's own
   * error about the value points).
   */
  private record Change(Finding finding, Set<String> variables, Set<Location> literal) {}

  /** The new schema's own errors about a value the operation sends, which an input change explains. */
  private static final Set<FindingKind> INPUT_ERRORS =
      Set.of(FindingKind.VARIABLE_TYPE_MISMATCH, FindingKind.MISSING_REQUIRED_ARGUMENT, FindingKind.INVALID_VALUE);

  private UsedSchemaChanges(Schema baseline, Schema current) {
    this.before = baseline.graphql();
    this.after = current.graphql();
    this.baselineOrigin = baseline.origin();
  }

  /** Compares {@code current} with {@code baseline}, the schema the consumers run against today. */
  public static UsedSchemaChanges between(Schema baseline, Schema current) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    return new UsedSchemaChanges(baseline, current);
  }

  /**
   * The changes {@code operation} can feel, in the order its selections are read (errors and
   * warnings mixed; see {@link Finding#isError()}); empty when the operation cannot be determined
   * (the new schema's check reports that).
   */
  public List<Finding> findings(Operation operation) {
    return changes(operation).stream().map(Change::finding).toList();
  }

  /**
   * {@code checked} (the new schema's findings for {@code operation}) with the changes the
   * operation feels from the baseline: the new schema's error about a value the operation sends
   * becomes the {@link FindingKind#INPUT_CHANGED} that explains it (graphql-core's words, then
   * what changed), so one break is one finding; an error a rename already explains (it carries the
   * rename's fix) stays as it is. The other changes follow.
   */
  public List<Finding> alongside(List<Finding> checked, Operation operation) {
    List<Finding> all = new ArrayList<>(checked);
    List<Finding> more = new ArrayList<>();
    for (Change change : changes(operation)) {
      Finding finding = change.finding();
      int explained = finding.kind() == FindingKind.INPUT_CHANGED ? explainedBy(all, change) : -1;
      if (explained < 0) {
        more.add(finding);
        continue;
      }
      Finding error = all.get(explained);
      if (error.fix() != null) {
        continue; // a rename already explains it (the new argument replaced one the operation still sends), with its fix
      }
      String why = finding.message();
      all.set(explained, new Finding(FindingKind.INPUT_CHANGED, Severity.ERROR,
          error.message() + " Since the baseline: " + Character.toLowerCase(why.charAt(0)) + why.substring(1),
          finding.coordinate(), error.suggestion(), error.locations(), finding.fix(), finding.path()));
    }
    all.addAll(more);
    return List.copyOf(all);
  }

  /** The index of the new schema's error about the value {@code change} is about, or -1. */
  private static int explainedBy(List<Finding> checked, Change change) {
    for (int i = 0; i < checked.size(); i++) {
      Finding error = checked.get(i);
      if (!INPUT_ERRORS.contains(error.kind())) {
        continue;
      }
      boolean sameCoordinate = error.coordinate() != null && error.coordinate().equals(change.finding().coordinate());
      boolean sameVariable = change.variables().stream().anyMatch(v -> error.message().startsWith("Variable '$" + v + "'"));
      boolean sameLiteral = error.locations().stream().anyMatch(change.literal()::contains);
      if (sameCoordinate || sameVariable || sameLiteral) {
        return i;
      }
    }
    return -1;
  }

  private List<Change> changes(Operation operation) {
    return byOperation.computeIfAbsent(operation.operationName() + "\u0000" + operation.document().text(),
        key -> compute(operation));
  }

  private List<Change> compute(Operation operation) {
    OperationDefinition definition;
    try {
      definition = operation.definition();
    } catch (IllegalStateException e) {
      return List.of();
    }
    Walk walk = new Walk(operation, definition);
    GraphQLObjectType beforeRoot = root(before, definition);
    GraphQLObjectType afterRoot = root(after, definition);
    if (beforeRoot != null && afterRoot != null) {
      walk.selections(beforeRoot, afterRoot, definition.getSelectionSet(), "$.data", new HashSet<>());
    }
    return walk.findings.entrySet().stream()
        .map(e -> walk.feeds.getOrDefault(e.getKey(), new Change(e.getValue(), Set.of(), Set.of())))
        .toList();
  }

  private static GraphQLObjectType root(GraphQLSchema schema, OperationDefinition definition) {
    return switch (definition.getOperation()) {
      case QUERY -> schema.getQueryType();
      case MUTATION -> schema.getMutationType();
      case SUBSCRIPTION -> schema.getSubscriptionType();
    };
  }

  /** One walk over one operation: the findings so far, each change once (the first place it is read). */
  private final class Walk {
    private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Change> feeds = new HashMap<>();

    private final Map<String, Object> variables;
    private final Map<String, VariableDefinition> variableDefinitions = new LinkedHashMap<>();

    Walk(Operation operation, OperationDefinition definition) {
      this.variables = operation.variables();
      for (VariableDefinition variable : definition.getVariableDefinitions()) {
        variableDefinitions.putIfAbsent(variable.getName(), variable);
      }
      for (FragmentDefinition fragment : operation.document().ast().getDefinitionsOfType(FragmentDefinition.class)) {
        fragments.putIfAbsent(fragment.getName(), fragment);
      }
    }

    /** {@code old} and {@code now} are the named composite types the selections apply to in each schema. */
    void selections(GraphQLNamedType old, GraphQLNamedType now, SelectionSet set, String path, Set<String> spreading) {
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          field(old, now, field, path);
        } else if (selection instanceof InlineFragment inline) {
          TypeName condition = inline.getTypeCondition();
          GraphQLNamedType oldTarget = condition == null ? old : named(before, condition.getName());
          GraphQLNamedType newTarget = condition == null ? now : named(after, condition.getName());
          if (oldTarget != null && newTarget != null) {
            selections(oldTarget, newTarget, inline.getSelectionSet(), path, spreading);
          }
        } else if (selection instanceof FragmentSpread spread) {
          FragmentDefinition fragment = fragments.get(spread.getName());
          if (fragment != null && spreading.add(spread.getName())) {
            String condition = fragment.getTypeCondition().getName();
            GraphQLNamedType oldTarget = named(before, condition);
            GraphQLNamedType newTarget = named(after, condition);
            if (oldTarget != null && newTarget != null) {
              selections(oldTarget, newTarget, fragment.getSelectionSet(), path, spreading);
            }
            spreading.remove(spread.getName());
          }
        }
      }
    }

    private void field(GraphQLNamedType oldParent, GraphQLNamedType newParent, Field field, String parentPath) {
      if (field.getName().startsWith("__")
          || !(oldParent instanceof GraphQLFieldsContainer oldContainer)
          || !(newParent instanceof GraphQLFieldsContainer newContainer)) {
        return;
      }
      GraphQLFieldDefinition old = oldContainer.getFieldDefinition(field.getName());
      GraphQLFieldDefinition now = newContainer.getFieldDefinition(field.getName());
      if (old == null || now == null) {
        return;
      }
      SchemaCoordinate coordinate = SchemaCoordinate.field(newParent.getName(), field.getName());
      String path = parentPath + "." + (field.getAlias() != null ? field.getAlias() : field.getName());
      omittedArgumentDefaults(newParent, old, now, field);
      inputs(newParent, old, now, field);
      if (!outputShape(old.getType(), now.getType(), coordinate, field, path)) {
        return;
      }
      GraphQLNamedType oldNamed = GraphQLTypeUtil.unwrapAll(old.getType());
      GraphQLNamedType newNamed = GraphQLTypeUtil.unwrapAll(now.getType());
      String itemsPath = path + "[*]".repeat(listDepth(now.getType()));
      receivable(oldNamed, newNamed, coordinate, field, itemsPath);
      if (field.getSelectionSet() != null) {
        selections(oldNamed, newNamed, field.getSelectionSet(), itemsPath, new HashSet<>());
      }
    }

    /**
     * Compares the wrappers and the leaf type; records a finding and returns {@code false} when the
     * shape the reader sees changed (the fields below are then not compared: the reader already breaks here).
     */
    private boolean outputShape(GraphQLType old, GraphQLType now, SchemaCoordinate coordinate, Field field, String path) {
      String change = "'" + GraphQLTypeUtil.simplePrint(old) + "' became '" + GraphQLTypeUtil.simplePrint(now) + "'";
      String at = path;
      GraphQLType o = old;
      GraphQLType n = now;
      boolean item = false;
      while (true) {
        if (o instanceof GraphQLNonNull oldNonNull) {
          if (!(n instanceof GraphQLNonNull)) {
            add(FindingKind.NULLABILITY, Severity.ERROR,
                (item ? "The items of field '" : "Field '") + coordinate + "' can now be null (" + change + "), and the operation reads it where null was impossible",
                coordinate, field, at,
                "keep " + (item ? "the items of " : "") + "'" + coordinate + "' non-null, or give consumers a new nullable"
                    + " field and move them to it before this change");
            return false;
          }
          o = oldNonNull.getWrappedType();
          n = ((GraphQLNonNull) n).getWrappedType();
          continue;
        }
        if (n instanceof GraphQLNonNull newNonNull) {
          n = newNonNull.getWrappedType();
          continue;
        }
        boolean oldList = o instanceof GraphQLList;
        boolean newList = n instanceof GraphQLList;
        if (oldList != newList) {
          add(FindingKind.TYPE_CHANGED, Severity.ERROR,
              "Field '" + coordinate + "' changed from " + (oldList ? "a list to a single value" : "a single value to a list")
                  + " (" + change + "), and the operation reads it",
              coordinate, field, at, keepType(coordinate, old));
          return false;
        }
        if (!oldList) {
          break;
        }
        o = ((GraphQLList) o).getWrappedType();
        n = ((GraphQLList) n).getWrappedType();
        item = true;
        at += "[*]";
      }
      GraphQLNamedType oldNamed = (GraphQLNamedType) o;
      GraphQLNamedType newNamed = (GraphQLNamedType) n;
      boolean oldLeaf = GraphQLTypeUtil.isLeaf(oldNamed);
      boolean newLeaf = GraphQLTypeUtil.isLeaf(newNamed);
      if ((oldLeaf || newLeaf) && !oldNamed.getName().equals(newNamed.getName()) && !bothJsonStrings(oldNamed, newNamed)) {
        add(FindingKind.TYPE_CHANGED, Severity.ERROR,
            "Field '" + coordinate + "' changed type (" + change + "), and the operation reads it",
            coordinate, field, at, keepType(coordinate, old));
        return false;
      }
      return true;
    }

    /** Removed and added enum values, and possible types, of what the field returns. */
    private void receivable(GraphQLNamedType old, GraphQLNamedType now, SchemaCoordinate field, Field node, String path) {
      if (old instanceof GraphQLEnumType oldEnum && now instanceof GraphQLEnumType newEnum) {
        Set<String> oldValues = names(oldEnum.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
        Set<String> newValues = names(newEnum.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
        for (String value : oldValues) {
          if (!newValues.contains(value)) {
            SchemaCoordinate coordinate = SchemaCoordinate.field(oldEnum.getName(), value);
            add(FindingKind.ENUM_VALUE_REMOVED, Severity.ERROR,
                "Enum value '" + coordinate + "' was removed, and the operation reads '" + field + "', which could return it",
                coordinate, node, path, "keep '" + value + "' in enum " + newEnum.getName()
                    + " (deprecate it) until no deployed consumer reads it");
          }
        }
        for (String value : newValues) {
          if (!oldValues.contains(value)) {
            SchemaCoordinate coordinate = SchemaCoordinate.field(newEnum.getName(), value);
            add(FindingKind.DANGEROUS_CHANGE, Severity.WARNING,
                "Enum value '" + coordinate + "' was added, and the operation reads '" + field + "', which can now return it",
                coordinate, node, path, "make sure consumers reading '" + field + "' accept unknown values before one is sent");
          }
        }
        return;
      }
      Set<String> oldTypes = possibleTypes(before, old);
      Set<String> newTypes = possibleTypes(after, now);
      if (oldTypes == null || newTypes == null) {
        return;
      }
      for (String type : oldTypes) {
        if (!newTypes.contains(type)) {
          add(FindingKind.POSSIBLE_TYPE_REMOVED, Severity.ERROR,
              "Type '" + type + "' is no longer a possible type of '" + now.getName() + "', and the operation reads '" + field
                  + "', which could return it",
              SchemaCoordinate.type(now.getName()), node, path, "keep '" + type + "' in '" + now.getName()
                  + "' until no deployed consumer reads it");
        }
      }
      for (String type : newTypes) {
        if (!oldTypes.contains(type)) {
          add(FindingKind.DANGEROUS_CHANGE, Severity.WARNING,
              "Type '" + type + "' was added to the possible types of '" + now.getName() + "', and the operation reads '"
                  + field + "', which can now return it",
              SchemaCoordinate.type(now.getName()), node, path,
              "make sure consumers reading '" + field + "' accept objects of types they do not know before one is sent");
        }
      }
    }

    /** Arguments the operation does not pass whose default changed: the field now runs with another value. */
    private void omittedArgumentDefaults(GraphQLNamedType parent, GraphQLFieldDefinition old, GraphQLFieldDefinition now, Field field) {
      Set<String> passed = new HashSet<>();
      for (Argument argument : field.getArguments()) {
        passed.add(argument.getName());
      }
      for (GraphQLArgument argument : now.getArguments()) {
        GraphQLArgument previous = old.getArgument(argument.getName());
        if (passed.contains(argument.getName()) || previous == null) {
          continue;
        }
        String oldDefault = defaultOf(previous);
        String newDefault = defaultOf(argument);
        if (!Objects.equals(oldDefault, newDefault)) {
          SchemaCoordinate coordinate = SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName());
          add(FindingKind.DANGEROUS_CHANGE, Severity.WARNING,
              "Argument '" + coordinate + "' changed its default from " + shown(oldDefault) + " to " + shown(newDefault)
                  + ", and the operation omits it: the field now runs with the new default",
              coordinate, field, null,
              "pass '" + argument.getName() + "' explicitly in the operation, or keep the default " + shown(oldDefault));
        }
      }
    }

    /** The arguments the field gets from the operation that the baseline accepts and the new schema refuses. */
    private void inputs(GraphQLNamedType parent, GraphQLFieldDefinition old, GraphQLFieldDefinition now, Field field) {
      for (GraphQLArgument argument : now.getArguments()) {
        SchemaCoordinate coordinate = SchemaCoordinate.argument(parent.getName(), field.getName(), argument.getName());
        GraphQLArgument previous = old.getArgument(argument.getName());
        Argument passed = field.getArguments().stream().filter(a -> a.getName().equals(argument.getName())).findFirst().orElse(null);
        if (passed == null) {
          if (isRequired(argument) && (previous == null || !isRequired(previous))) {
            add(FindingKind.INPUT_CHANGED, Severity.ERROR,
                "Argument '" + coordinate + "' of type '" + GraphQLTypeUtil.simplePrint(argument.getType()) + "' "
                    + (previous == null ? "is new and required" : "became required") + ", and the operation does not pass it",
                coordinate, field, null, "give '" + argument.getName() + "' a default (or make it optional) so that"
                    + " deployed consumers that do not send it keep working");
          }
          continue;
        }
        Object value = InputValues.of(passed.getValue(), variables, variableDefinitions);
        if (previous == null || value == InputValues.UNKNOWN
            || InputValues.refusal(previous.getType(), value, coordinate) != null) {
          continue;
        }
        InputValues.Refusal refusal = InputValues.refusal(argument.getType(), value, coordinate);
        if (refusal != null) {
          add(FindingKind.INPUT_CHANGED, Severity.ERROR,
              "The value the operation sends to '" + coordinate + "' is no longer accepted: " + refusal.reason(),
              refusal.coordinate(), passed, null, "keep accepting what deployed consumers send at '" + refusal.coordinate()
                  + "' (an optional field, a default, the old type or enum value, deprecated) until they have moved");
          String key = FindingKind.INPUT_CHANGED + " " + refusal.coordinate();
          feeds.putIfAbsent(key, new Change(findings.get(key), variablesIn(passed.getValue()),
              InputValues.locations(passed.getValue()).stream().map(l -> new Location(l.getLine(), l.getColumn()))
                  .collect(Collectors.toSet())));
        }
      }
    }

    private void add(FindingKind kind, Severity severity, String message, SchemaCoordinate coordinate, Node<?> node,
        String path, String fix) {
      String key = kind + " " + coordinate;
      if (!findings.containsKey(key)) {
        findings.put(key, new Finding(kind, severity, message + " (baseline: " + baselineOrigin + ").", coordinate, null,
            locations(node), fix, path));
      }
    }
  }

  private static Set<String> variablesIn(Node<?> value) {
    Set<String> names = new TreeSet<>();
    if (value instanceof VariableReference reference) {
      names.add(reference.getName());
    }
    for (Node<?> child : value.getChildren()) {
      names.addAll(variablesIn(child));
    }
    return names;
  }

  private static boolean isRequired(GraphQLArgument argument) {
    return argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
  }

  private static GraphQLNamedType named(GraphQLSchema schema, String name) {
    return schema.getType(name) instanceof GraphQLNamedType type ? type : null;
  }

  private static String keepType(SchemaCoordinate coordinate, GraphQLType old) {
    return "keep '" + coordinate + "' as '" + GraphQLTypeUtil.simplePrint(old)
        + "' and add the new type under a new field name (deprecate the old one), then move the consumers";
  }

  /** {@code ID} and {@code String} are both serialised as a JSON string: every reader accepts either. */
  private static boolean bothJsonStrings(GraphQLNamedType a, GraphQLNamedType b) {
    Set<String> strings = Set.of("ID", "String");
    return strings.contains(a.getName()) && strings.contains(b.getName());
  }

  private static int listDepth(GraphQLType type) {
    int depth = 0;
    GraphQLType t = type;
    while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
      if (t instanceof GraphQLList) {
        depth++;
      }
      t = GraphQLTypeUtil.unwrapOne(t);
    }
    return depth;
  }

  /** The object types an abstract type can resolve to, sorted; {@code null} for any other type. */
  private static Set<String> possibleTypes(GraphQLSchema schema, GraphQLNamedType type) {
    if (type instanceof GraphQLUnionType union) {
      return names(union.getTypes().stream().map(t -> ((GraphQLNamedType) t).getName()).toList());
    }
    if (type instanceof GraphQLInterfaceType iface) {
      return names(schema.getImplementations(iface).stream().map(GraphQLObjectType::getName).toList());
    }
    return null;
  }

  private static Set<String> names(List<String> names) {
    return new TreeSet<>(names);
  }

  /** The default value as GraphQL literal text, or {@code null} when the argument has none. */
  private static String defaultOf(GraphQLArgument argument) {
    if (!argument.hasSetDefaultValue()) {
      return null;
    }
    Object value = argument.getArgumentDefaultValue().getValue();
    if (value instanceof Node<?> literal) {
      return AstPrinter.printAstCompact(literal);
    }
    return String.valueOf(value);
  }

  private static String shown(String defaultValue) {
    return defaultValue == null ? "none" : defaultValue;
  }

  private static List<Location> locations(Node<?> node) {
    SourceLocation location = node == null ? null : node.getSourceLocation();
    return location == null ? List.of() : List.of(new Location(location.getLine(), location.getColumn()));
  }
}

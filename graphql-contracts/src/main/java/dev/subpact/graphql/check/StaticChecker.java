package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.Schema;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.OperationValidationRule;
import graphql.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static gate: validates operations against one schema and reports every error, never only the
 * first, worded and ordered as graphql-core 3.2 (what Strawberry runs) would report them, with
 * rename hints, then deprecation warnings. The rules whose errors graphql-core words with "Did you
 * mean" (unknown field, argument and type, missing required argument, variable in a wrong place,
 * leaf selections), literal values (arguments, input fields, variables' defaults) and fragments spread
 * on impossible types run as graphql-core runs them; graphql-java runs all the others. Thread-safe; build one per schema and
 * reuse it: findings are cached per document text (many bots send the same document).
 */
public final class StaticChecker {

  /**
   * graphql-java's rules that {@link CoreRules} runs itself, as graphql-core runs them (so they are
   * worded and ordered as the backend reports them); graphql-java runs every other rule.
   */
  private static final Set<OperationValidationRule> RUN_AS_GRAPHQL_CORE =
      EnumSet.of(
          OperationValidationRule.FIELDS_ON_CORRECT_TYPE,
          OperationValidationRule.KNOWN_ARGUMENT_NAMES,
          OperationValidationRule.PROVIDED_NON_NULL_ARGUMENTS,
          OperationValidationRule.VARIABLE_TYPES_MATCH,
          OperationValidationRule.KNOWN_TYPE_NAMES,
          OperationValidationRule.SCALAR_LEAVES,
          OperationValidationRule.ARGUMENTS_OF_CORRECT_TYPE,
          OperationValidationRule.VARIABLE_DEFAULT_VALUES_OF_CORRECT_TYPE,
          OperationValidationRule.POSSIBLE_FRAGMENT_SPREADS);

  private final Schema schema;
  private final RenameHints hints;
  private final Map<String, DocumentFindings> byDocument = new ConcurrentHashMap<>();

  private record DocumentFindings(List<Finding> errors, List<Finding> warnings) {}

  private StaticChecker(Schema schema, RenameHints hints) {
    this.schema = schema;
    this.hints = hints;
  }

  /** A checker whose fixes are written in the styles the schema suggests ({@link FixStyle#suggestedFor}). */
  public static StaticChecker of(Schema schema) {
    return of(schema, List.of(), null);
  }

  /**
   * A checker whose fixes are written in {@code fixStyles} (empty: the styles the schema suggests),
   * recognising renames also by their shape from {@code baseline} when not {@code null}
   * (see {@link ShapeRenames}).
   */
  public static StaticChecker of(Schema schema, List<FixStyle> fixStyles, Schema baseline) {
    List<FixStyle> styles = fixStyles.isEmpty() ? FixStyle.suggestedFor(schema.graphql()) : fixStyles;
    ShapeRenames shapes = baseline == null ? ShapeRenames.NONE : ShapeRenames.between(baseline.graphql(), schema.graphql());
    return new StaticChecker(schema, new RenameHints(styles, shapes));
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Every error of one operation — the document's, in graphql-core's order, then its example
   * variables' — followed by its warnings (deprecated fields and arguments it uses).
   */
  public List<Finding> check(Operation operation) {
    DocumentFindings document = documentFindings(operation);
    List<Finding> all = new ArrayList<>(document.errors());
    all.addAll(checkVariables(operation));
    all.addAll(document.warnings());
    return List.copyOf(all);
  }

  /**
   * As {@link #check(Operation)} without the variables: for a document whose example variables are
   * not known (a bare {@code .graphql} file).
   */
  public List<Finding> checkDocument(Operation operation) {
    DocumentFindings document = documentFindings(operation);
    List<Finding> all = new ArrayList<>(document.errors());
    all.addAll(document.warnings());
    return List.copyOf(all);
  }

  private DocumentFindings documentFindings(Operation operation) {
    return byDocument.computeIfAbsent(operation.document().text(), text -> checkDocument(operation.document().ast(), text));
  }

  /**
   * The operation's example variables checked against its declared variable types, in
   * graphql-core's wording ({@code VARIABLE_TYPE_MISMATCH}); when the operation to run cannot be
   * determined, graphql-core's execution error instead ({@code Unknown operation named 'X'.}).
   */
  public List<Finding> checkVariables(Operation operation) {
    List<OperationDefinition> definitions = operation.document().ast().getDefinitionsOfType(OperationDefinition.class);
    String name = operation.operationName();
    OperationDefinition definition = null;
    for (OperationDefinition candidate : definitions) {
      if (name == null ? definitions.size() == 1 : name.equals(candidate.getName())) {
        definition = candidate;
      }
    }
    if (definition == null) {
      String message = name != null ? "Unknown operation named '" + name + "'."
          : definitions.isEmpty() ? "Must provide an operation."
          : "Must provide operation name if query contains multiple operations.";
      return List.of(Finding.error(FindingKind.OTHER, message));
    }
    return VariableCoercion.check(schema.graphql(), definition, operation.variables());
  }

  /** The schema's alias traps ({@code SCHEMA_LINT}), sorted by coordinate. */
  public List<Finding> lintSchema() {
    return SchemaLint.lint(schema.graphql());
  }

  /**
   * The alias traps of SDL text that may not even load (graphql-java, like graphql-core, refuses a
   * required deprecated argument); empty when the text is not SDL.
   */
  public static List<Finding> lintSdl(String sdl) {
    return SchemaLint.lint(sdl);
  }

  private DocumentFindings checkDocument(Document document, String text) {
    List<ValidationError> javaErrors = new Validator().validateDocument(
        schema.graphql(), document, rule -> !RUN_AS_GRAPHQL_CORE.contains(rule), Locale.ENGLISH);
    CoreRules.Result core = CoreRules.run(schema.graphql(), hints, document, text, !javaErrors.isEmpty());
    record Ordered(long step, int tieBreak, Finding finding) {}
    List<Ordered> ordered = new ArrayList<>();
    for (CoreRules.Raised raised : core.errors()) {
      ordered.add(new Ordered(raised.step(), 0, raised.finding()));
    }
    for (ValidationError error : javaErrors) {
      ordered.add(new Ordered(stepOf(error, core.enteredAt()), 1, fromGraphqlJava(error)));
    }
    ordered.sort(Comparator.comparingLong(Ordered::step).thenComparingInt(Ordered::tieBreak));
    return new DocumentFindings(ordered.stream().map(Ordered::finding).toList(), core.warnings());
  }

  private static long stepOf(GraphQLError error, Map<SourceLocation, Long> enteredAt) {
    List<SourceLocation> locations = error.getLocations();
    if (locations == null || locations.isEmpty()) {
      return Long.MAX_VALUE;
    }
    SourceLocation first = locations.get(0);
    return enteredAt.getOrDefault(new SourceLocation(first.getLine(), first.getColumn()), Long.MAX_VALUE);
  }

  /** An error graphql-core's wording is not reproduced for: graphql-java's description. */
  private static Finding fromGraphqlJava(ValidationError error) {
    List<Location> locations = error.getLocations() == null ? List.of()
        : error.getLocations().stream().map(l -> new Location(l.getLine(), l.getColumn())).toList();
    return new Finding(FindingKind.OTHER, Severity.ERROR, error.getDescription(), null, null, locations, null, null);
  }
}

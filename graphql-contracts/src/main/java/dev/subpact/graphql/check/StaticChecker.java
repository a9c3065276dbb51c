package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.Schema;
import graphql.ParseAndValidate;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The static gate: validates operations against one schema with graphql-java and reports every
 * error, never only the first. Thread-safe; build one per schema and reuse it.
 */
public final class StaticChecker {

  private final Schema schema;

  private StaticChecker(Schema schema) {
    this.schema = schema;
  }

  public static StaticChecker of(Schema schema) {
    return new StaticChecker(schema);
  }

  public Schema schema() {
    return schema;
  }

  /** Every error (in document order), then every warning, for one operation. */
  public List<Finding> check(Operation operation) {
    List<ValidationError> errors =
        ParseAndValidate.validate(schema.graphql(), operation.document().ast(), r -> true, Locale.ENGLISH);
    List<Finding> findings = new ArrayList<>();
    for (ValidationError error : errors) {
      findings.add(Finding.error(kindOf(error), error.getDescription()));
    }
    return findings;
  }

  private static FindingKind kindOf(ValidationError error) {
    if (!(error.getValidationErrorType() instanceof ValidationErrorType type)) {
      return FindingKind.OTHER;
    }
    return switch (type) {
      case FieldUndefined -> FindingKind.UNKNOWN_FIELD;
      case UnknownArgument -> FindingKind.UNKNOWN_ARGUMENT;
      case MissingFieldArgument -> FindingKind.MISSING_REQUIRED_ARGUMENT;
      case VariableTypeMismatch -> FindingKind.VARIABLE_TYPE_MISMATCH;
      case UnknownType -> FindingKind.UNKNOWN_TYPE;
      default -> FindingKind.OTHER;
    };
  }
}

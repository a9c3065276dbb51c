package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import java.util.List;

/**
 * The result of a {@code check} or {@code verify} run: one entry per interaction (in a stable order)
 * and the schema's own findings (lint).
 *
 * @param schema where the schema came from (file or URL), or {@code null}
 * @param results one verdict per interaction
 * @param schemaFindings the schema's own findings (lint), sorted by coordinate
 */
public record Report(String schema, List<InteractionReport> results, List<Finding> schemaFindings) {

  public Report {
    results = List.copyOf(results);
    schemaFindings = List.copyOf(schemaFindings);
  }

  /** A report without a named schema. */
  public Report(List<InteractionReport> results, List<Finding> schemaFindings) {
    this(null, results, schemaFindings);
  }

  /** True when no interaction breaks and the schema has no error-level finding. */
  public boolean ok() {
    return results.stream().allMatch(InteractionReport::ok)
        && schemaFindings.stream().noneMatch(Finding::isError);
  }

  /**
   * Whether every interaction of one consumer version passed: the verification result to publish
   * for that consumer version's pact. {@code consumerVersion} may be {@code null} (unversioned pacts).
   */
  public boolean passed(String consumer, String consumerVersion) {
    return results.stream()
        .filter(r -> r.consumer().equals(consumer) && java.util.Objects.equals(r.consumerVersion(), consumerVersion))
        .allMatch(InteractionReport::ok);
  }

  /** How many interactions a static check passed over because they are not GraphQL (REST, messages, plugins). */
  public int notChecked() {
    return (int) results.stream().filter(r -> !r.checked()).count();
  }

  /** Counts over the checked interactions: one that is not GraphQL and was not checked is no operation. */
  public Summary summary() {
    int broken = (int) results.stream().filter(r -> !r.ok()).count();
    int errors = results.stream().mapToInt(r -> r.errors().size()).sum()
        + (int) schemaFindings.stream().filter(Finding::isError).count();
    int warnings = results.stream().mapToInt(r -> r.warnings().size()).sum()
        + (int) schemaFindings.stream().filter(f -> !f.isError()).count();
    return new Summary(results.size() - notChecked(), broken, errors, warnings);
  }

  /** Counts for the report's header and the JSON {@code summary} object. */
  public record Summary(int operations, int broken, int errors, int warnings) {}
}

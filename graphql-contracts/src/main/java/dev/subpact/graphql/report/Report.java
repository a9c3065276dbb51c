package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.GraphqlPact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

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

  /**
   * True when no interaction breaks (a pending pact's failures do not count) and the schema has no
   * error-level finding.
   */
  public boolean ok() {
    return results.stream().noneMatch(InteractionReport::blocks)
        && schemaFindings.stream().noneMatch(Finding::isError);
  }

  /**
   * This report with the interactions of the given pending pacts marked pending (Pact's pending
   * pacts, with {@code --enable-pending}): their failures are still reported and published as
   * failed, but no longer fail the run.
   */
  public Report withPending(List<GraphqlPact> pending) {
    if (pending.isEmpty()) {
      return this;
    }
    List<InteractionReport> marked = results.stream()
        .map(r -> pending.stream().anyMatch(p -> p.consumer().equals(r.consumer()) && Objects.equals(p.consumerVersion(), r.consumerVersion()))
            ? r.asPending() : r)
        .toList();
    return new Report(schema, marked, schemaFindings);
  }

  /**
   * Whether this report holds at least one interaction of one consumer version and every one of
   * them passed. {@code consumerVersion} may be {@code null} (unversioned pacts). A report that holds
   * none of its interactions says nothing about it: not passed.
   */
  public boolean passed(String consumer, String consumerVersion) {
    List<InteractionReport> of = resultsOf(consumer, consumerVersion).toList();
    return !of.isEmpty() && of.stream().allMatch(InteractionReport::ok);
  }

  /**
   * The verification result this report supports for one pact: {@link PactVerdict#VERIFIED} only
   * when every interaction of the pact, GraphQL or not (REST verified by Pact JVM), is in the report
   * and passed.
   */
  public PactVerdict verdictOf(GraphqlPact pact) {
    if (pact.interactions().isEmpty() && pact.foreign().isEmpty()) {
      return PactVerdict.EMPTY;
    }
    Set<String> expected = new TreeSet<>();
    pact.interactions().forEach(i -> expected.add(i.description()));
    pact.foreign().forEach(i -> expected.add(i.description()));
    List<InteractionReport> of = resultsOf(pact.consumer(), pact.consumerVersion())
        .filter(r -> expected.contains(r.interaction()))
        .toList();
    Set<String> replayed = new TreeSet<>();
    of.forEach(r -> replayed.add(r.interaction()));
    if (!replayed.equals(expected)) {
      return PactVerdict.NOT_REPLAYED;
    }
    return of.stream().allMatch(InteractionReport::ok) ? PactVerdict.VERIFIED : PactVerdict.FAILED;
  }

  /**
   * Reads a report written with {@code --format json} back ({@code origin} names it in messages).
   *
   * @throws IllegalArgumentException when the text is not such a report, saying where and why
   */
  public static Report readJson(String json, String origin) {
    return JsonReport.read(json, origin);
  }

  /**
   * The shards' reports as one, the same as one unsharded run's: results in the run's order
   * (consumer, interaction, consumer version), the schema's findings once each.
   *
   * @throws IllegalArgumentException when the reports name different schemas or share an interaction
   */
  public static Report merge(List<Report> shards) {
    TreeSet<String> schemas = new TreeSet<>();
    shards.forEach(r -> {
      if (r.schema() != null) {
        schemas.add(r.schema());
      }
    });
    if (schemas.size() > 1) {
      throw new IllegalArgumentException("The reports were made against different schemas " + schemas
          + ": merge only the shards of one run.");
    }
    Map<String, InteractionReport> byInteraction = new TreeMap<>();
    List<InteractionReport> results = new ArrayList<>();
    for (Report shard : shards) {
      for (InteractionReport r : shard.results()) {
        String key = r.consumerLabel() + " / " + r.interaction();
        if (byInteraction.put(key, r) != null) {
          throw new IllegalArgumentException(key + " is in two of the reports: merge the reports of distinct shards of one run"
              + " (shards 1/N … N/N of it), each once.");
        }
        results.add(r);
      }
    }
    results.sort(Comparator.comparing(InteractionReport::consumer)
        .thenComparing(InteractionReport::interaction)
        .thenComparing(r -> String.valueOf(r.consumerVersion())));
    Set<Finding> lint = new LinkedHashSet<>();
    shards.forEach(r -> lint.addAll(r.schemaFindings()));
    return new Report(schemas.isEmpty() ? null : schemas.first(), results, List.copyOf(lint));
  }

  private Stream<InteractionReport> resultsOf(String consumer, String consumerVersion) {
    return results.stream().filter(r -> r.consumer().equals(consumer) && Objects.equals(r.consumerVersion(), consumerVersion));
  }

  /** What a report can say about one pact: the verification result to publish for it, if any. */
  public enum PactVerdict {
    /** Every interaction of the pact was replayed and passed: publish success. */
    VERIFIED,
    /** Every interaction was replayed and at least one broke: publish failure. */
    FAILED,
    /** Some interaction of the pact is not in this report (another shard's pact): publish nothing. */
    NOT_REPLAYED,
    /** The pact has no interactions, so nothing was verified: publish nothing. */
    EMPTY
  }

  /** How many interactions a static check passed over because they are not GraphQL (REST, messages, plugins). */
  public int notChecked() {
    return (int) results.stream().filter(r -> !r.checked()).count();
  }

  /** Counts over the checked interactions: one that is not GraphQL and was not checked is no operation. */
  public Summary summary() {
    int broken = (int) results.stream().filter(r -> !r.ok()).count();
    int pending = (int) results.stream().filter(r -> !r.ok() && r.pending()).count();
    int errors = results.stream().mapToInt(r -> r.errors().size()).sum()
        + (int) schemaFindings.stream().filter(Finding::isError).count();
    int warnings = results.stream().mapToInt(r -> r.warnings().size()).sum()
        + (int) schemaFindings.stream().filter(f -> !f.isError()).count();
    return new Summary(results.size() - notChecked(), broken, errors, warnings, pending);
  }

  /**
   * Counts for the report's header and the JSON {@code summary} object; {@code pendingBroken} of
   * the {@code broken} interactions belong to pending pacts and do not fail the run.
   */
  public record Summary(int operations, int broken, int errors, int warnings, int pendingBroken) {}
}

package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: per consumer (bot and version) a table of its interactions, each error with
 * its kind, location and coordinate, graphql-core's message and the fix; then the schema's lint and
 * a summary line.
 */
final class TextReport {

  /** Findings rendered once each (by identity: interactions share the same cached findings). */
  private final Map<Finding, String> rendered = new IdentityHashMap<>();

  private TextReport() {}

  static String render(Report report) {
    return new TextReport().write(report);
  }

  private String write(Report report) {
    StringBuilder out = new StringBuilder(1 << 16);
    if (report.schema() != null) {
      out.append("schema ").append(report.schema()).append("\n\n");
    }
    Map<String, List<InteractionReport>> byConsumer = new LinkedHashMap<>();
    for (InteractionReport result : report.results()) {
      byConsumer.computeIfAbsent(result.consumerLabel(), k -> new ArrayList<>()).add(result);
    }
    byConsumer.forEach((consumer, results) -> {
      long broken = results.stream().filter(r -> !r.ok()).count();
      out.append(consumer).append("  (").append(results.size()).append(results.size() == 1 ? " interaction" : " interactions")
          .append(", ").append(broken).append(" broken")
          .append(results.stream().anyMatch(InteractionReport::pending) ? "; pending pact: its failures do not fail the run" : "")
          .append(")\n");
      for (InteractionReport result : results) {
        if (!result.checked()) {
          out.append("  --    ").append(result.interaction()).append("  not checked (not GraphQL)");
          if (result.source() != null) {
            out.append("  ").append(result.source().path()).append(':').append(result.source().line());
          }
          out.append('\n');
          continue;
        }
        out.append("  ").append(result.ok() ? "ok  " : "FAIL").append("  ").append(result.interaction());
        if (result.operationName() != null) {
          out.append("  [").append(result.operationName()).append(']');
        }
        if (result.pending()) {
          out.append("  (pending)");
        }
        if (result.outcome() != null) {
          out.append("  outcome: ").append(result.outcome());
        }
        if (result.source() != null) {
          out.append("  ").append(result.source().path()).append(':').append(result.source().line());
        }
        out.append('\n');
        result.errors().forEach(f -> out.append(rendered.computeIfAbsent(f, k -> finding("error", k))));
        result.warnings().forEach(f -> out.append(rendered.computeIfAbsent(f, k -> finding("warning", k))));
      }
      out.append('\n');
    });
    if (!report.schemaFindings().isEmpty()) {
      out.append("schema lint\n");
      report.schemaFindings().forEach(f -> out.append(finding(f.isError() ? "error" : "warning", f)));
      out.append('\n');
    }
    Report.Summary s = report.summary();
    out.append(report.ok() ? "PASSED" : "FAILED").append(": ")
        .append(s.operations()).append(s.operations() == 1 ? " operation" : " operations").append(", ")
        .append(s.broken()).append(" broken").append(s.pendingBroken() > 0 ? " (" + s.pendingBroken() + " pending)" : "").append(", ")
        .append(s.errors()).append(s.errors() == 1 ? " error" : " errors").append(", ")
        .append(s.warnings()).append(s.warnings() == 1 ? " warning" : " warnings");
    if (report.notChecked() > 0) {
      out.append(", ").append(report.notChecked()).append(" not checked (not GraphQL)");
    }
    out.append('\n');
    return out.toString();
  }

  private static String finding(String severity, Finding finding) {
    StringBuilder out = new StringBuilder(256);
    out.append("        ").append(severity).append(' ').append(finding.kind());
    if (!finding.locations().isEmpty()) {
      out.append(" at ").append(finding.locations().get(0).line()).append(':').append(finding.locations().get(0).column());
    }
    if (finding.coordinate() != null) {
      out.append("  ").append(finding.coordinate());
    }
    out.append('\n');
    out.append("          ").append(finding.message()).append('\n');
    if (finding.path() != null) {
      out.append("          at ").append(finding.path()).append('\n');
    }
    if (finding.fix() != null) {
      String[] lines = finding.fix().split("\n", -1);
      out.append("          fix: ").append(lines[0]).append('\n');
      for (int i = 1; i < lines.length; i++) {
        out.append("            ").append(lines[i]).append('\n');
      }
    }
    return out.toString();
  }
}

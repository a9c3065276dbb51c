package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human report: per consumer (bot and version) its interactions, each error with its kind,
 * location and coordinate and graphql-core's message; then each distinct fix once, numbered (the
 * errors refer to it), identical fixes grouped ({@link FindingGroup}); the schema's lint and a
 * summary line. Wrapped to {@link TextLayout#width()}.
 *
 * <p>{@link Verbosity#QUIET}: only broken interactions and the summary. {@link Verbosity#VERBOSE}:
 * every finding with its own fix in full where it occurs, nothing grouped.
 */
final class TextReport {

  private static final String FINDING_INDENT = "        ";
  private static final String DETAIL_INDENT = "          ";

  private final TextLayout layout;
  /** Each distinct fix's rendered entry, numbered by first appearance. */
  private final Map<String, Integer> fixNumbers = new LinkedHashMap<>();

  private TextReport(TextLayout layout) {
    this.layout = layout;
  }

  static String render(Report report, TextLayout layout) {
    return TextWrap.wrap(new TextReport(layout).write(report), layout.width(), 2);
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
    boolean quiet = layout.verbosity() == Verbosity.QUIET;
    byConsumer.forEach((consumer, results) -> {
      long broken = results.stream().filter(r -> !r.ok()).count();
      if (quiet && broken == 0) {
        return;
      }
      out.append(consumer).append("  (").append(results.size()).append(results.size() == 1 ? " interaction" : " interactions")
          .append(", ").append(broken).append(" broken")
          .append(results.stream().anyMatch(InteractionReport::pending) ? "; pending pact: its failures do not fail the run" : "")
          .append(")\n");
      for (InteractionReport result : results) {
        if (!(quiet && result.ok())) {
          interaction(result, out);
        }
      }
      out.append('\n');
    });
    if (!report.schemaFindings().isEmpty()) {
      out.append("schema lint\n");
      report.schemaFindings().forEach(f -> out.append(inFull(f.isError() ? "error" : "warning", f)));
      out.append('\n');
    }
    if (!fixNumbers.isEmpty()) {
      out.append("fixes (each once; the findings above refer to them by number)\n");
      fixNumbers.forEach((fix, number) -> out.append(numbered(number, fix)));
      out.append('\n');
    }
    summary(report, out);
    return out.toString();
  }

  private void interaction(InteractionReport result, StringBuilder out) {
    if (!result.checked()) {
      out.append("  --    ").append(result.interaction()).append("  not checked (not GraphQL)");
      if (result.source() != null) {
        out.append("  ").append(result.source().path()).append(':').append(result.source().line());
      }
      out.append('\n');
      return;
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
    findings("error", result.errors(), out);
    if (layout.verbosity() != Verbosity.QUIET) {
      findings("warning", result.warnings(), out);
    }
  }

  private void findings(String severity, List<Finding> findings, StringBuilder out) {
    if (layout.verbosity() == Verbosity.VERBOSE) {
      findings.forEach(f -> out.append(inFull(severity, f)));
      return;
    }
    for (FindingGroup group : FindingGroup.of(findings)) {
      int size = group.findings().size();
      heading(size == 1 ? severity : size + " " + severity + "s", group.first(), size == 1, group.title(), out);
      if (group.fix() != null) {
        out.append(DETAIL_INDENT).append("fix: [").append(fixNumbers.computeIfAbsent(group.fix(), k -> fixNumbers.size() + 1)).append("]\n");
      }
    }
  }

  /** "error KIND at line:column  coordinate", then what it says and where in a message. */
  private static void heading(String label, Finding finding, boolean withCoordinate, String says, StringBuilder out) {
    out.append(FINDING_INDENT).append(label).append(' ').append(finding.kind());
    if (!finding.locations().isEmpty()) {
      out.append(" at ").append(finding.locations().get(0).line()).append(':').append(finding.locations().get(0).column());
    }
    if (withCoordinate && finding.coordinate() != null) {
      out.append("  ").append(finding.coordinate());
    }
    out.append('\n');
    out.append(DETAIL_INDENT).append(says).append('\n');
    if (finding.path() != null) {
      out.append(DETAIL_INDENT).append("at ").append(finding.path()).append('\n');
    }
  }

  /** A finding with its own fix in full (verbose reports, the schema's lint). */
  private static String inFull(String severity, Finding finding) {
    StringBuilder out = new StringBuilder(256);
    heading(severity, finding, true, finding.message(), out);
    if (finding.fix() != null) {
      String[] lines = finding.fix().split("\n", -1);
      out.append(DETAIL_INDENT).append("fix: ").append(lines[0]).append('\n');
      for (int i = 1; i < lines.length; i++) {
        out.append(DETAIL_INDENT).append("  ").append(lines[i]).append('\n');
      }
    }
    return out.toString();
  }

  private String numbered(int number, String fix) {
    StringBuilder out = new StringBuilder(fix.length() + 64);
    String[] lines = fix.split("\n", -1);
    String label = "  [" + number + "] ";
    String indent = " ".repeat(label.length());
    // wrapped here, so that its continuation lines align with the text after the label
    out.append(label).append(TextWrap.wrap(indent + lines[0], layout.width(), 0).substring(label.length())).append('\n');
    for (int i = 1; i < lines.length; i++) {
      out.append(indent).append(lines[i]).append('\n');
    }
    return out.toString();
  }

  private static void summary(Report report, StringBuilder out) {
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
  }
}

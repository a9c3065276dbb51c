package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * GitHub Actions workflow commands: one {@code ::error} per broken operation (and one
 * {@code ::warning} per operation with warnings), pointing at the consumer's pact or document file
 * and line, titled with the consumer, the interaction and its findings by kind (a pending pact's
 * errors are warnings titled "(pending)": they do not fail the run); the messages follow,
 * one a line, then the first fix. GitHub shows about ten annotations per step, so at most
 * {@value #MAX_ANNOTATIONS} are written (errors first) and a {@code ::notice} counts the rest. Ends
 * with the summary as a {@code ::notice}.
 */
final class GithubReport {

  static final int MAX_ANNOTATIONS = 10;

  private GithubReport() {}

  static String render(Report report, RunInfo run) {
    String notice = "::notice title=subpact " + escapeProperty(run.command()) + "::";
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (InteractionReport r : report.results()) {
      String title = "subpact: " + r.consumerLabel() + " / " + r.interaction() + (r.pending() ? " (pending)" : "");
      if (!r.errors().isEmpty()) {
        (r.pending() ? warnings : errors).add(annotation(r.pending() ? "warning" : "error", r.source(), title, r.errors()));
      }
      if (!r.warnings().isEmpty()) {
        warnings.add(annotation("warning", r.source(), title, r.warnings()));
      }
    }
    for (Finding f : report.schemaFindings()) {
      String file = report.schema() == null || report.schema().contains("://") ? null : report.schema();
      SourceFile source = file == null ? null
          : new SourceFile(file, f.locations().isEmpty() ? 1 : f.locations().get(0).line(), false);
      (f.isError() ? errors : warnings).add(annotation(f.isError() ? "error" : "warning", source, "subpact: schema lint", List.of(f)));
    }
    List<String> all = new ArrayList<>(errors);
    all.addAll(warnings);
    StringBuilder out = new StringBuilder();
    all.stream().limit(MAX_ANNOTATIONS).forEach(out::append);
    if (all.size() > MAX_ANNOTATIONS) {
      out.append(notice).append(escapeData((all.size() - MAX_ANNOTATIONS) + " more annotations not shown ("
          + errors.size() + " with errors and " + warnings.size() + " with warnings in all; GitHub shows about "
          + MAX_ANNOTATIONS + " per step): the whole report is in the text or JSON format")).append('\n');
    }
    Report.Summary s = report.summary();
    out.append(notice)
        .append(escapeData((report.ok() ? "PASSED: " : "FAILED: ") + s.operations() + " operations, " + s.broken()
            + " broken" + (s.pendingBroken() > 0 ? " (" + s.pendingBroken() + " pending)" : "") + ", " + s.errors() + " errors, "
            + s.warnings() + " warnings"
            + (report.notChecked() > 0 ? ", " + report.notChecked() + " not checked (not GraphQL)" : "")))
        .append('\n');
    return out.toString();
  }

  private static String annotation(String level, SourceFile source, String title, List<Finding> findings) {
    Finding first = findings.get(0);
    StringBuilder out = new StringBuilder("::").append(level).append(' ');
    if (source != null) {
      int line = first.locations().isEmpty() ? source.line() : source.lineOf(first.locations().get(0).line());
      out.append("file=").append(escapeProperty(source.path())).append(",line=").append(line);
      if (source.documentLines() && !first.locations().isEmpty()) {
        out.append(",col=").append(first.locations().get(0).column());
      }
      out.append(',');
    }
    Map<FindingKind, Integer> kinds = new TreeMap<>();
    findings.forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
    String counted = kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    out.append("title=").append(escapeProperty(title + " (" + counted + ")")).append("::");
    StringBuilder message = new StringBuilder();
    findings.forEach(f -> message.append(f.message()).append('\n'));
    long fixes = findings.stream().filter(f -> f.fix() != null).count();
    findings.stream().filter(f -> f.fix() != null).findFirst().ifPresent(f -> message.append("Fix: ").append(f.fix())
        .append(fixes > 1 ? "\n(" + (fixes - 1) + " more fixes in the text report)" : ""));
    return out.append(escapeData(message.toString().stripTrailing())).append('\n').toString();
  }

  /** GitHub's escaping of a command's message. */
  private static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** GitHub's escaping of a command's property values. */
  private static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}

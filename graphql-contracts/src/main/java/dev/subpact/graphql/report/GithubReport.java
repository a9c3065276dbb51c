package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;

/**
 * GitHub Actions workflow commands: one {@code ::error} (or {@code ::warning}) per finding,
 * pointing at the consumer's pact or document file and line, titled with the consumer and
 * interaction; the fix follows the message on the annotation's next lines. Ends with the summary
 * as a {@code ::notice}.
 */
final class GithubReport {

  private GithubReport() {}

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    for (InteractionReport r : report.results()) {
      String title = "subpact: " + r.consumerLabel() + " / " + r.interaction();
      r.errors().forEach(f -> annotation(out, "error", r.source(), title, f));
      r.warnings().forEach(f -> annotation(out, "warning", r.source(), title, f));
    }
    for (Finding f : report.schemaFindings()) {
      String file = report.schema() == null || report.schema().contains("://") ? null : report.schema();
      SourceFile source = file == null ? null
          : new SourceFile(file, f.locations().isEmpty() ? 1 : f.locations().get(0).line(), false);
      annotation(out, f.isError() ? "error" : "warning", source, "subpact: schema lint", f);
    }
    Report.Summary s = report.summary();
    out.append("::notice title=subpact check::")
        .append(escapeData((report.ok() ? "PASSED: " : "FAILED: ") + s.operations() + " operations, " + s.broken()
            + " broken, " + s.errors() + " errors, " + s.warnings() + " warnings"
            + (report.notChecked() > 0 ? ", " + report.notChecked() + " not checked (not GraphQL)" : "")))
        .append('\n');
    return out.toString();
  }

  private static void annotation(StringBuilder out, String level, SourceFile source, String title, Finding f) {
    out.append("::").append(level).append(' ');
    if (source != null) {
      int line = f.locations().isEmpty() ? source.line() : source.lineOf(f.locations().get(0).line());
      out.append("file=").append(escapeProperty(source.path())).append(",line=").append(line);
      if (source.documentLines() && !f.locations().isEmpty()) {
        out.append(",col=").append(f.locations().get(0).column());
      }
      out.append(',');
    }
    out.append("title=").append(escapeProperty(title + " (" + f.kind() + ")")).append("::");
    String message = f.message() + (f.fix() == null ? "" : "\nFix: " + f.fix());
    out.append(escapeData(message)).append('\n');
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

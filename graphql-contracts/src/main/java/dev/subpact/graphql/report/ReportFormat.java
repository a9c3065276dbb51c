package dev.subpact.graphql.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The ways a {@link Report} is written. Every renderer is deterministic: the same report always
 * renders to the same text, ending with a newline.
 */
public enum ReportFormat {
  /** A readable table per consumer: each interaction, each error with its fix; a summary line. */
  TEXT((report, layout, run, out) -> out.write(TextReport.render(report, layout))),
  /** One JSON object: {@code ok}, {@code summary}, {@code results}, {@code schemaFindings}; streamed. */
  JSON((report, layout, run, out) -> JsonReport.write(report, out)),
  /** JUnit XML: one test suite per consumer, one test case per interaction. */
  JUNIT((report, layout, run, out) -> out.write(JunitReport.render(report, run))),
  /** GitHub Actions workflow commands: {@code ::error file=…,line=…::message} per finding. */
  GITHUB((report, layout, run, out) -> out.write(GithubReport.render(report, run))),
  /** GitLab's code-quality JSON: one issue per finding, with a fingerprint stable across runs. */
  GITLAB((report, layout, run, out) -> CodeQualityReport.write(report, out));

  private interface Renderer {
    void write(Report report, TextLayout layout, RunInfo run, Writer out) throws IOException;
  }

  private final Renderer renderer;

  ReportFormat(Renderer renderer) {
    this.renderer = renderer;
  }

  /** The report of a {@code check} run as text, laid out as for a file or a CI log ({@link TextLayout#DEFAULT}). */
  public String render(Report report) {
    return render(report, TextLayout.DEFAULT, RunInfo.of("check"));
  }

  /** The report as text; {@code layout} matters to the text format only, {@code run} to JUnit and GitHub. */
  public String render(Report report, TextLayout layout, RunInfo run) {
    StringWriter out = new StringWriter(1 << 16);
    try {
      write(report, layout, run, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  /**
   * Writes the report to {@code out} (not closed; flushed by the caller); {@code layout} matters to
   * the text format only, {@code run} to JUnit and GitHub.
   */
  public void write(Report report, TextLayout layout, RunInfo run, Writer out) throws IOException {
    renderer.write(report, layout, run, out);
  }
}

package dev.subpact.graphql.report;

import java.util.function.Function;

/**
 * The ways a {@link Report} is written. Every renderer is deterministic: the same report always
 * renders to the same text, ending with a newline.
 */
public enum ReportFormat {
  /** A readable table per consumer: each interaction, each error with its fix; a summary line. */
  TEXT(TextReport::render),
  /** One JSON object: {@code ok}, {@code summary}, {@code results}, {@code schemaFindings}. */
  JSON(JsonReport::render),
  /** JUnit XML: one test suite per consumer, one test case per interaction. */
  JUNIT(JunitReport::render),
  /** GitHub Actions workflow commands: {@code ::error file=…,line=…::message} per finding. */
  GITHUB(GithubReport::render);

  private final Function<Report, String> renderer;

  ReportFormat(Function<Report, String> renderer) {
    this.renderer = renderer;
  }

  public String render(Report report) {
    return renderer.apply(report);
  }
}

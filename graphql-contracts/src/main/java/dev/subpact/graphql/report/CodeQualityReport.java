package dev.subpact.graphql.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;

/**
 * GitLab's code-quality report (the {@code artifacts:reports:codequality} JSON): one issue per
 * finding, errors {@code major} (pending pacts' {@code minor}), warnings {@code info}, at the pact or
 * document file and line. Each fingerprint is a hash of what the finding is (consumer, interaction,
 * kind, coordinate, message), not of where it was printed or when, so it stays the same across runs
 * and GitLab shows only what a merge request adds or fixes. Identical findings of one interaction
 * count once.
 */
final class CodeQualityReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CodeQualityReport() {}

  static void write(Report report, Writer out) throws IOException {
    Set<String> seen = new HashSet<>();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartArray();
      for (InteractionReport r : report.results()) {
        String subject = r.consumerLabel() + " / " + r.interaction();
        for (Finding f : r.errors()) {
          issue(json, seen, subject, f, r.pending() ? "minor" : "major", r.source());
        }
        for (Finding f : r.warnings()) {
          issue(json, seen, subject, f, "info", r.source());
        }
      }
      String schema = report.schema() == null || report.schema().contains("://") ? null : report.schema();
      for (Finding f : report.schemaFindings()) {
        SourceFile source = schema == null ? null : new SourceFile(schema, f.locations().isEmpty() ? 1 : f.locations().get(0).line(), false);
        issue(json, seen, "schema", f, f.isError() ? "major" : "info", source);
      }
      json.writeEndArray();
    }
    out.write('\n');
  }

  private static void issue(JsonGenerator json, Set<String> seen, String subject, Finding f, String severity, SourceFile source)
      throws IOException {
    String identity = subject + "\n" + f.kind() + "\n" + f.coordinate() + "\n" + f.message() + "\n" + f.path();
    if (!seen.add(identity)) {
      return;
    }
    json.writeStartObject();
    json.writeStringField("description", subject + ": " + f.message());
    json.writeStringField("check_name", "subpact " + f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    json.writeStringField("fingerprint", sha256(identity));
    json.writeStringField("severity", severity);
    json.writeObjectFieldStart("location");
    json.writeStringField("path", source == null ? "." : source.path());
    json.writeObjectFieldStart("lines");
    json.writeNumberField("begin", source == null ? 1
        : f.locations().isEmpty() ? source.line() : source.lineOf(f.locations().get(0).line()));
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

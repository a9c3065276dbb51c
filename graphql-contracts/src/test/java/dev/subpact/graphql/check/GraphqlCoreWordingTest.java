package dev.subpact.graphql.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One self-describing case per file under {@code check/cases/}: a schema, an operation, and what
 * graphql-core 3.2.8 itself reported for it, recorded by {@code src/test/python/record_core_wording.py}
 * (graphql-core's {@code validate}, {@code coerce_variable_values} and {@code NoDeprecatedCustomRule}).
 * subpact must word and order every error and warning exactly the same.
 */
class GraphqlCoreWordingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "/dev/subpact/graphql/check/";

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path dir = Path.of(GraphqlCoreWordingTest.class.getResource(ROOT + "cases").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wordsAndOrdersEveryFindingAsGraphqlCore(String file) throws IOException {
    JsonNode c = JSON.readTree(resource("cases/" + file));
    StaticChecker checker =
        StaticChecker.of(SchemaLoader.fromSdl(resource(c.get("schema").asText()), c.get("schema").asText()));
    Map<String, Object> variables = JSON.convertValue(c.get("variables"), new TypeReference<>() {});
    Operation operation =
        Operation.of(c.get("query").asText(), c.get("operationName").isNull() ? null : c.get("operationName").asText(), variables);

    List<Finding> findings = checker.check(operation);

    List<String> expectedErrors = new ArrayList<>();
    c.at("/expected/errors").forEach(e -> expectedErrors.add(e.get("message").asText() + " at " + e.get("locations")));
    List<String> expectedWarnings = new ArrayList<>();
    c.at("/expected/warnings").forEach(w -> expectedWarnings.add(w.asText()));
    assertThat(findings.stream().filter(Finding::isError).map(f -> f.message() + " at " + locations(f)).toList())
        .as(c.get("comment").asText())
        .containsExactlyElementsOf(expectedErrors);
    assertThat(findings.stream().filter(f -> !f.isError()).map(Finding::message).toList())
        .containsExactlyElementsOf(expectedWarnings);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "literal-values.json", "literal-input-objects.json", "variable-default-values.json", "impossible-fragment-spreads.json",
      "deprecated-input-values-in-literals.json"})
  void theRulesGraphqlJavaUsedToWordCarryAKindAndACoordinate(String file) throws IOException {
    JsonNode c = JSON.readTree(resource("cases/" + file));
    StaticChecker checker = StaticChecker.of(SchemaLoader.fromSdl(resource(c.get("schema").asText()), c.get("schema").asText()));

    List<Finding> findings = checker.check(Operation.of(c.get("query").asText(), c.get("operationName").asText(), Map.of()));

    assertThat(findings).isNotEmpty().allSatisfy(f -> {
      assertThat(f.kind()).as(f.message()).isIn(FindingKind.INVALID_VALUE, FindingKind.IMPOSSIBLE_FRAGMENT, FindingKind.DEPRECATED_USAGE);
      assertThat(f.coordinate()).as(f.message()).isNotNull();
    });
  }

  private static String locations(Finding finding) {
    return finding.locations().stream().map(l -> "[" + l.line() + "," + l.column() + "]").toList().toString().replace(" ", "");
  }

  /** A test resource under {@value #ROOT}, or an absolute classpath name such as the incident module's schemas. */
  static String resource(String name) throws IOException {
    String path = name.startsWith("/") ? name : ROOT + name;
    try (InputStream in = GraphqlCoreWordingTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

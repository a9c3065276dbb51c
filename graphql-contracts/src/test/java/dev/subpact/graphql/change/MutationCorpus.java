package dev.subpact.graphql.change;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The mutation benchmark's corpus ({@code src/test/resources/dev/subpact/graphql/change/mutations/}):
 * a base schema, the operations (each {@code .graphql} with a sibling {@code .json} giving
 * {@code operationName} and recorded {@code variables}), and one case per file, each a kind of
 * change applied by text edits to the base schema, with the verdict a reader of each operation
 * should get, labelled by hand ({@code error}, {@code warning}; operations not named: {@code none}).
 */
final class MutationCorpus {

  static final Path ROOT = Path.of("src", "test", "resources", "dev", "subpact", "graphql", "change", "mutations");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One case: what changed, whether an operation selects it, the mutated schema and the expected verdicts. */
  record Case(String file, String kind, boolean used, String comment, String schema, Map<String, String> expected) {
    String expected(String operation) {
      return expected.getOrDefault(operation, "none");
    }
  }

  private MutationCorpus() {}

  static String base() {
    return read(ROOT.resolve("base.graphql"));
  }

  /** The operations by name, in name order. */
  static Map<String, Operation> operations() {
    Map<String, Operation> operations = new TreeMap<>();
    for (Path file : list(ROOT.resolve("operations"), ".graphql")) {
      String name = file.getFileName().toString();
      JsonNode meta = tree(file.resolveSibling(name.substring(0, name.length() - ".graphql".length()) + ".json"));
      Map<String, Object> variables = JSON.convertValue(meta.get("variables"), new TypeReference<LinkedHashMap<String, Object>>() {});
      Operation operation = Operation.of(read(file), meta.get("operationName").asText(), variables);
      operations.put(operation.name(), operation);
    }
    return operations;
  }

  static List<Case> cases() {
    String base = base();
    return list(ROOT.resolve("cases"), ".json").stream().map(file -> {
      JsonNode c = tree(file);
      String schema = base;
      for (JsonNode edit : c.get("edits")) {
        String from = edit.get("replace").asText();
        int at = schema.indexOf(from);
        if (at < 0 || schema.indexOf(from, at + 1) >= 0) {
          throw new IllegalStateException(file + ": the edit's text must occur exactly once in base.graphql: " + from);
        }
        schema = schema.substring(0, at) + edit.get("with").asText() + schema.substring(at + from.length());
      }
      Map<String, String> expected = JSON.convertValue(c.get("expected"), new TypeReference<TreeMap<String, String>>() {});
      return new Case(file.getFileName().toString(), c.get("kind").asText(), c.get("used").asBoolean(),
          c.get("comment").asText(), schema, expected);
    }).toList();
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(Path file) {
    try {
      return JSON.readTree(read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

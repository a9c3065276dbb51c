package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The incident's fixtures: the client kit's wire operations and the backend's schemas. */
final class Fixtures {

  /** The reference backend's schemas (read in place: a test dependency would be a reactor cycle). */
  static final Path SCHEMAS = ExternalClient.MODULE.resolve("../incident/src/main/resources/dev/subpact/backend/schemas").normalize();
  static final Path CKIT = ExternalClient.MODULE.resolve("../incident/src/main/resources/dev/subpact/incident/ckit").normalize();
  static final String API_KEY = "sk-karen-4f1c9d2e7a";

  private Fixtures() {}

  static Schema schema(String name) {
    return SchemaLoader.fromFile(SCHEMAS.resolve(name + ".graphql"));
  }

  static Path ckit(String name) {
    return CKIT.resolve(name + ".json");
  }

  static String wireText(String name) {
    try {
      JsonNode fixture = new ObjectMapper().readTree(ckit(name).toFile());
      return fixture.get("wire_query_graphql_core_3.2.8").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

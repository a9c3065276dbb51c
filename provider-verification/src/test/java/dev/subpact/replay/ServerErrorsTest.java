package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors worded by graphql-java itself (its validation, run here as a Java backend runs it) read as findings, and matched to the static ones. */
class ServerErrorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SDL = "type Query { hello: String! }\n"
      + "type Message { id: ID!, text: String! }\n"
      + "type Subscription { messages(room: ID!, limit: Int): Message! }\n";
  private static final Operation BROKEN = Operation.of(
      "subscription Messages($room: ID!) { messages(roomId: $room) { id body } }", "Messages", Map.of("room", "r1"));

  private static List<JsonNode> graphqlJavaErrors() {
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), RuntimeWiring.newRuntimeWiring().build());
    var result = GraphQL.newGraphQL(schema).build().execute(ExecutionInput.newExecutionInput(BROKEN.document().text())
        .variables(BROKEN.variables()).build());
    List<JsonNode> errors = new ArrayList<>();
    result.getErrors().forEach(e -> errors.add(JSON.valueToTree(e.toSpecification())));
    return errors;
  }

  @Test
  void graphql_java_wording_is_read_by_kind_and_each_error_matches_one_static_finding() {
    List<Finding> sent = ServerErrors.findings(graphqlJavaErrors());
    assertThat(sent).extracting(Finding::kind).containsExactlyInAnyOrder(
        FindingKind.UNKNOWN_ARGUMENT, FindingKind.MISSING_REQUIRED_ARGUMENT, FindingKind.UNKNOWN_FIELD);
    List<Finding> found = StaticChecker.of(SchemaLoader.fromSdl(SDL, "chat.graphql")).check(BROKEN).stream().filter(Finding::isError).toList();
    for (Finding f : sent) {
      assertThat(found.stream().filter(s -> ServerErrors.sameError(f, s))).as(f.message() + " among " + found).hasSize(1);
    }
  }

  @Test
  void graphql_js_and_graphql_core_quotes_give_the_same_suggestion_and_the_same_error() throws Exception {
    List<Finding> js = ServerErrors.findings(List.of(JSON.readTree(
        "{\"message\":\"Cannot query field \\\"emessage_id\\\" on type \\\"FExternalMessageOutput\\\". Did you mean \\\"emsg_id\\\"?\"}")));
    List<Finding> core = ServerErrors.findings(List.of(JSON.readTree(
        "{\"message\":\"Cannot query field 'emessage_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_id'?\"}")));
    assertThat(js.get(0).kind()).isEqualTo(FindingKind.UNKNOWN_FIELD);
    assertThat(js.get(0).suggestion()).isEqualTo("emsg_id").isEqualTo(core.get(0).suggestion());
    assertThat(ServerErrors.sameError(js.get(0), core.get(0))).isTrue();
  }
}

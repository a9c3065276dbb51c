package dev.subpact.reference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.introspection.IntrospectionQuery;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Build} made executable with graphql-java, the way a real server runs a request: parse,
 * find the operation, validate, execute — each step with graphql-java's own rules and wording, as
 * Strawberry runs the same steps with graphql-core. Nothing of subpact's static checker is used, so a
 * live verdict against the reference backend is evidence independent of {@code subpact check}.
 * Resolvers read the {@link NewsStore}.
 */
final class ExecutableBuild {

  /** The GraphQL context key holding the replayed interaction id of a connection, if any. */
  static final String INTERACTION = "subpact.interaction";

  /** The GraphQL context key holding the document {@link #prepare} parsed and validated. */
  private static final String DOCUMENT = "subpact.document";

  private final Build build;
  private final NewsStore store;
  private final GraphQLSchema schema;
  private final GraphQL graphql;

  ExecutableBuild(Build build, NewsStore store) {
    this.build = build;
    this.store = store;
    this.schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(build.sdl()), wiring());
    this.graphql = GraphQL.newGraphQL(schema).preparsedDocumentProvider(ExecutableBuild::prepared).build();
    warmUp();
  }

  /**
   * Runs graphql-java's parser, validation and execution once on the introspection query before
   * serving, as a server's readiness probe would: the first request's class loading otherwise costs
   * hundreds of milliseconds on a loaded machine.
   */
  private void warmUp() {
    if (prepare(IntrospectionQuery.INTROSPECTION_QUERY, null) instanceof Ready ready) {
      execute(ready, IntrospectionQuery.INTROSPECTION_QUERY, null, Map.of(), null);
    }
  }

  Build build() {
    return build;
  }

  /** The type of the events the build's subscription pushes ({@code FBotThreadsCallsTasks}). */
  GraphQLObjectType eventType() {
    return (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(
        schema.getSubscriptionType().getFieldDefinition("bot_threads_calls_tasks").getType());
  }

  /** The step of Strawberry's pipeline at which a request was refused. */
  enum Stage {
    /** The document does not parse (Strawberry: {@code GraphQLSyntaxError}). */
    SYNTAX,
    /** The document has no operation of the requested name (Strawberry: {@code CannotGetOperationTypeError}). */
    OPERATION,
    /** The operation does not validate against the build's schema. */
    VALIDATION
  }

  /** What {@link #prepare} made of a request: refused at one stage, or ready to execute. */
  sealed interface Preparation permits Refused, Ready {}

  /** A request that cannot run: the stage that refused it and graphql-java's errors, formatted for the wire. */
  record Refused(Stage stage, List<Map<String, Object>> errors) implements Preparation {
    String firstMessage() {
      return String.valueOf(errors.get(0).get("message"));
    }
  }

  /** A parsed and validated request and its operation type. */
  record Ready(Document document, OperationDefinition.Operation type) implements Preparation {}

  /**
   * Parses the request, finds its operation as Strawberry does (the named one, else the first) and
   * validates it with graphql-java's rules.
   */
  Preparation prepare(String query, String operationName) {
    ParseAndValidateResult parsed = ParseAndValidate.parse(
        ExecutionInput.newExecutionInput(query).operationName(operationName).locale(Locale.ENGLISH).build());
    if (parsed.isFailure()) {
      return new Refused(Stage.SYNTAX, List.of(parsed.getSyntaxException().toInvalidSyntaxError().toSpecification()));
    }
    Document document = parsed.getDocument();
    Optional<OperationDefinition> operation = document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(o -> operationName == null || operationName.equals(o.getName()))
        .findFirst();
    if (operation.isEmpty()) {
      return new Refused(Stage.OPERATION, List.of(error(unknownOperation(operationName))));
    }
    List<ValidationError> invalid = ParseAndValidate.validate(schema, document, Locale.ENGLISH);
    if (!invalid.isEmpty()) {
      return new Refused(Stage.VALIDATION, invalid.stream().map(GraphQLError::toSpecification).toList());
    }
    return new Ready(document, operation.get().getOperation());
  }

  /** Strawberry's words for a document without the requested operation ({@code CannotGetOperationTypeError}). */
  static String unknownOperation(String operationName) {
    return operationName == null ? "Can't get GraphQL operation type" : "Unknown operation named \"" + operationName + "\".";
  }

  /** Executes a request {@link #prepare} made ready; for a subscription the result's data is a publisher of results. */
  ExecutionResult execute(Ready ready, String query, String operationName, Map<String, Object> variables, String interaction) {
    Map<Object, Object> context = new LinkedHashMap<>();
    context.put(DOCUMENT, ready.document());
    if (interaction != null) {
      context.put(INTERACTION, interaction);
    }
    return graphql.execute(
        ExecutionInput.newExecutionInput(query)
            .operationName(operationName)
            .variables(variables == null ? Map.of() : variables)
            .graphQLContext(context)
            .locale(Locale.ENGLISH)
            .build());
  }

  /** The document {@link #prepare} already parsed and validated: graphql-java does not validate it twice. */
  private static CompletableFuture<PreparsedDocumentEntry> prepared(ExecutionInput input,
      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    Document document = input.getGraphQLContext().get(DOCUMENT);
    return CompletableFuture.completedFuture(document != null ? new PreparsedDocumentEntry(document) : parseAndValidate.apply(input));
  }

  /** An error with only a message, as Strawberry formats one it raises itself. */
  static Map<String, Object> error(String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    return error;
  }

  /** graphql-java's errors as they travel: each one's specification (message, locations, path, extensions). */
  static List<Map<String, Object>> errors(List<GraphQLError> errors) {
    List<Map<String, Object>> formatted = new ArrayList<>();
    errors.forEach(e -> formatted.add(e.toSpecification()));
    return formatted;
  }

  // ---------------------------------------------------------------- resolvers

  private RuntimeWiring wiring() {
    return RuntimeWiring.newRuntimeWiring()
        .scalar(JSON_SCALAR)
        .codeRegistry(
            GraphQLCodeRegistry.newCodeRegistry()
                .defaultDataFetcher(env -> ExecutableBuild::field))
        .type("Subscription", t -> t.dataFetcher("bot_threads_calls_tasks", this::subscribe))
        .type("Mutation", t -> t.dataFetcher("emessages_delete", this::deleteMessages))
        .type("Query", t -> t.dataFetcher("persona_get", ExecutableBuild::persona))
        .build();
  }

  /** Reads a field from a map source; {@code emessage_*} aliases read the {@code emsg_*} value. */
  private static Object field(DataFetchingEnvironment env) {
    Object source = env.getSource();
    if (!(source instanceof Map<?, ?> map)) {
      return null;
    }
    String name = env.getField().getName();
    if (!map.containsKey(name) && name.startsWith("emessage_")) {
      return map.get("emsg_" + name.substring("emessage_".length()));
    }
    return map.get(name);
  }

  private Object subscribe(DataFetchingEnvironment env) {
    List<String> types = env.containsArgument("want_emsg_types") && env.getArgument("want_emsg_types") != null
        ? env.getArgument("want_emsg_types")
        : env.getArgument("want_emessage_types");
    String interaction = env.getGraphQlContext().get(INTERACTION);
    return store.subscribe(env.getArgument("marketable_name"), types, interaction);
  }

  private Object deleteMessages(DataFetchingEnvironment env) {
    List<String> ids = env.getArgument("emsg_ids") != null ? env.getArgument("emsg_ids") : env.getArgument("emessage_ids");
    if (ids != null) {
      store.deleteMessages(ids);
    }
    return true;
  }

  private static Object persona(DataFetchingEnvironment env) {
    String id = env.getArgument("persona_id");
    Map<String, Object> persona = new LinkedHashMap<>();
    persona.put("owner_fuser_id", "fuser_example");
    persona.put("located_fgroup_id", "fgroup_example1");
    persona.put("persona_id", id);
    persona.put("persona_name", id);
    persona.put("persona_marketable_name", id);
    persona.put("persona_marketable_version", 1);
    persona.put("persona_discounts", null);
    persona.put("persona_setup", Map.of());
    persona.put("persona_created_ts", 1769795283.25);
    persona.put("persona_keepalive_ts", 1769795283.25);
    persona.put("persona_preferred_model", "gpt-example");
    persona.put("ws_id", "ws_example");
    persona.put("ws_timezone", "UTC");
    persona.put("ws_root_group_id", "fgroup_example1");
    persona.put("marketable_run_this", "");
    persona.put("marketable_stage", "STABLE");
    persona.put("marketable_radix", 0);
    return persona;
  }

  /** Strawberry's {@code JSON} scalar: any JSON value, passed through. */
  private static final GraphQLScalarType JSON_SCALAR =
      GraphQLScalarType.newScalar()
          .name("JSON")
          .coercing(
              new Coercing<Object, Object>() {
                @Override
                @SuppressWarnings("deprecation")
                public Object serialize(Object value) {
                  return value;
                }

                @Override
                @SuppressWarnings("deprecation")
                public Object parseValue(Object input) {
                  return input;
                }

                @Override
                @SuppressWarnings("deprecation")
                public Object parseLiteral(Object input) {
                  return literal((Value<?>) input);
                }
              })
          .build();

  private static Object literal(Value<?> value) {
    if (value instanceof StringValue s) {
      return s.getValue();
    } else if (value instanceof IntValue i) {
      return i.getValue();
    } else if (value instanceof FloatValue f) {
      return f.getValue();
    } else if (value instanceof BooleanValue b) {
      return b.isValue();
    } else if (value instanceof ArrayValue a) {
      return a.getValues().stream().map(ExecutableBuild::literal).toList();
    } else if (value instanceof ObjectValue o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue())));
      return map;
    } else if (value instanceof NullValue || value instanceof VariableReference) {
      return null;
    }
    return null;
  }
}

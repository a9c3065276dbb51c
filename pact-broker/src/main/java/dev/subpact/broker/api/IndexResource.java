package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import io.javalin.Javalin;

/** {@code GET /}: the relations the clients navigate by. */
public final class IndexResource {

  /** One relation of the index: its name ({@code pb:…}), path (templated when it holds {@code {…}}) and title. */
  public record Relation(String rel, String path, String title) {}

  private static final String[][] RELATIONS = {
      {"pb:publish-pact", "/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}", "Publish a pact"},
      {"pb:publish-contracts", "/contracts/publish", "Publish contracts"},
      {"pb:latest-pact-versions", "/pacts/latest", "Latest pact versions"},
      {"pb:tagged-pact-versions", "/pacts/provider/{provider}/consumer/{consumer}/tag/{tag}", "All versions of a pact for a given consumer, provider and consumer version tag"},
      {"pb:pacticipants", "/pacticipants", "Pacticipants"},
      {"pb:pacticipant", "/pacticipants/{pacticipant}", "Fetch pacticipant by name"},
      {"pb:latest-provider-pacts", "/pacts/provider/{provider}/latest", "Latest pacts by provider"},
      {"pb:latest-provider-pacts-with-tag", "/pacts/provider/{provider}/latest/{tag}", "Latest pacts for provider with the specified tag"},
      {"pb:provider-pacts-with-tag", "/pacts/provider/{provider}/tag/{tag}", "All pact versions for the provider with the specified consumer version tag"},
      {"pb:provider-pacts", "/pacts/provider/{provider}", "All pact versions for the specified provider"},
      {"pb:provider-pacts-for-verification", "/pacts/provider/{provider}/for-verification", "Pact versions to be verified for the specified provider"},
      {"beta:provider-pacts-for-verification", "/pacts/provider/{provider}/for-verification", "Pact versions to be verified for the specified provider"},
      {"pb:latest-version", "/pacticipants/{pacticipant}/latest-version", "Latest pacticipant version"},
      {"pb:latest-tagged-version", "/pacticipants/{pacticipant}/latest-version/{tag}", "Latest pacticipant version with the specified tag"},
      {"pb:webhooks", "/webhooks", "Webhooks"},
      {"pb:webhook", "/webhooks/{uuid}", "Webhook"},
      {"pb:integrations", "/integrations", "Integrations"},
      {"pb:pacticipant-version-tag", "/pacticipants/{pacticipant}/versions/{version}/tags/{tag}", "Get, create or delete a tag for a pacticipant version"},
      {"pb:pacticipant-branch", "/pacticipants/{pacticipant}/branches/{branch}", "Get or delete a pacticipant branch"},
      {"pb:pacticipant-branch-version", "/pacticipants/{pacticipant}/branches/{branch}/versions/{version}", "Get or add/create a pacticipant version for a branch"},
      {"pb:pacticipant-version", "/pacticipants/{pacticipant}/versions/{version}", "Get, create or delete a pacticipant version"},
      {"pb:can-i-deploy-pacticipant-version-to-tag", "/can-i-deploy?pacticipant={pacticipant}&version={version}&to={tag}", "Determine if an application version can be safely deployed to an environment identified by the given tag"},
      {"pb:can-i-deploy-pacticipant-version-to-environment", "/can-i-deploy?pacticipant={pacticipant}&version={version}&environment={environment}", "Determine if an application version can be safely deployed to an environment"},
      {"pb:environments", "/environments", "Environments"},
      {"pb:environment", "/environments/{uuid}", "Environment"},
      {"pb:graphql-schema", "/pacticipants/{pacticipant}/versions/{version}/graphql-schema", "Publish or fetch the GraphQL schema (SDL) of a provider version"},
      {"pb:graphql-field-usage", "/graphql/field-usage/{coordinate}", "Which consumer versions use a GraphQL schema coordinate, and where they are deployed"},
      {"pb:dashboard", "/dashboard", "Dashboard"},
  };

  static void register(Javalin app, ApiContext api) {
    app.get("/", ctx -> {
      Links links = api.links(ctx);
      ObjectNode body = Json.object();
      ObjectNode all = body.putObject("_links");
      all.set("self", Json.link(links.base(), "Index").put("templated", false));
      for (String[] relation : RELATIONS) {
        boolean templated = relation[1].contains("{");
        all.set(relation[0], Json.link(links.template(relation[1]), relation[2]).put("templated", templated));
      }
      all.putArray("curies").add(Json.object().put("name", "pb")
          .put("href", links.template("/doc/{rel}?context=index")).put("templated", true));
      ApiContext.send(ctx, 200, body);
    });
  }

  /** The index's relations, in the index's order (the {@code /doc/{rel}} pages describe them). */
  public static java.util.List<Relation> relations() {
    return java.util.Arrays.stream(RELATIONS).map(r -> new Relation(r[0], r[1], r[2])).toList();
  }

  private IndexResource() {}
}

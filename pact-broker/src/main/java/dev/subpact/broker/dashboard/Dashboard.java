package dev.subpact.broker.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.api.ApiContext;
import dev.subpact.broker.api.ApiException;
import dev.subpact.broker.api.Links;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.matrix.MatrixQuery;
import dev.subpact.broker.matrix.Selector;
import dev.subpact.broker.storage.Pacticipant;
import dev.subpact.broker.storage.BrokerRepository;
import dev.subpact.broker.storage.Publication;
import dev.subpact.broker.storage.Verification;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.PactFormatException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side HTML views for people: integrations with their latest pact and verification
 * status, a pact page showing each GraphQL operation, the matrix, can-i-deploy, field usage and
 * deprecated fields still in use. No scripts or external assets.
 */
public final class Dashboard {

  private final ApiContext api;
  private final GraphqlAwareness graphql;

  private Dashboard(ApiContext api, GraphqlAwareness graphql) {
    this.api = api;
    this.graphql = graphql;
  }

  public static void register(Javalin app, ApiContext api, GraphqlAwareness graphql) {
    Dashboard d = new Dashboard(api, graphql);
    app.get("/dashboard", d::integrations);
    app.get("/dashboard/pacts/provider/{provider}/consumer/{consumer}/version/{version}", d::pact);
    app.get("/dashboard/matrix", d::matrix);
    app.get("/dashboard/can-i-deploy", d::canIDeploy);
    app.get("/dashboard/field-usage", d::fieldUsage);
    app.get("/dashboard/deprecated", d::deprecated);
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge", d::badge);
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge.svg", d::badge);
  }

  private record Status(String css, String label, boolean pending) {}

  private Status status(dev.subpact.broker.storage.Tx tx, Publication p) throws java.sql.SQLException {
    return status(api.repository().verificationStatuses(tx, List.of(p.sha()), p.provider()).get(p.sha()));
  }

  private static Status status(BrokerRepository.VerificationStatus verification) {
    if (verification == null) {
      return new Status("unknown", "not verified", true);
    }
    Verification last = verification.latest();
    String by = Verification.SCHEMA.equals(last.kind()) ? " by schema" : "";
    return new Status(last.success() ? "ok" : "failed",
        (last.success() ? "verified" : "failed") + by + " by " + last.providerVersion().number(),
        !verification.everSucceeded());
  }

  private void integrations(Context ctx) {
    StringBuilder rows = new StringBuilder();
    int page = Math.max(1, ctx.queryParamAsClass("page", Integer.class).getOrDefault(1));
    int[] total = new int[1];
    api.database().read(tx -> {
      total[0] = api.repository().countIntegrations(tx);
      List<Publication> latest = api.repository().latestPublications(tx, (page - 1) * PAGE, PAGE);
      Map<String, Map<String, BrokerRepository.VerificationStatus>> byProvider = new java.util.HashMap<>();
      for (Publication p : latest) {
        byProvider.computeIfAbsent(p.provider(), provider -> new java.util.HashMap<>());
      }
      for (Map.Entry<String, Map<String, BrokerRepository.VerificationStatus>> provider : byProvider.entrySet()) {
        provider.getValue().putAll(api.repository().verificationStatuses(tx,
            latest.stream().filter(p -> p.provider().equals(provider.getKey())).map(Publication::sha).toList(), provider.getKey()));
      }
      for (Publication p : latest) {
        Status s = status(byProvider.get(p.provider()).get(p.sha()));
        String pactPage = "/dashboard/pacts/provider/" + Links.encode(p.provider()) + "/consumer/" + Links.encode(p.consumer())
            + "/version/" + Links.encode(p.consumerVersion().number());
        rows.append("<tr><td>").append(Html.text(p.consumer())).append("</td><td>").append(Html.text(p.provider()))
            .append("</td><td><a href=\"").append(Html.text(pactPage)).append("\">").append(Html.text(p.consumerVersion().number()))
            .append("</a></td><td>").append(Html.text(p.createdAt())).append("</td><td class=\"").append(s.css())
            .append("\" data-status=\"").append(s.css()).append("\">").append(Html.text(s.label()))
            .append(s.pending() ? "<span class=\"pending\">pending</span>" : "").append("</td></tr>");
      }
      return null;
    });
    String body = rows.length() == 0 ? "<p>No pacts have been published yet.</p>"
        : "<table id=\"integrations\"><tr><th>Consumer</th><th>Provider</th><th>Latest pact</th><th>Published</th>"
            + "<th>Last verification</th></tr>" + rows + "</table>" + pages(page, total[0]);
    ctx.html(Html.page("Integrations", body));
  }

  /**
   * Integrations per page of the index, and the newest versions the matrix page shows unless one
   * is chosen with {@code version=}.
   */
  static final int PAGE = 100;

  private static String pages(int page, int total) {
    if (total <= PAGE) {
      return "";
    }
    int last = (total + PAGE - 1) / PAGE;
    return "<p class=\"pages\">Page " + page + " of " + last + " (" + total + " integrations)"
        + (page > 1 ? " <a href=\"/dashboard?page=" + (page - 1) + "\">previous</a>" : "")
        + (page < last ? " <a href=\"/dashboard?page=" + (page + 1) + "\">next</a>" : "") + "</p>";
  }

  private void pact(Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    String version = ctx.pathParam("version");
    String content = api.database().read(tx -> {
      var v = api.versionOr404(tx, consumer, version);
      Publication p = api.repository().publication(tx, v, provider).orElseThrow(() -> ApiException.notFound(
          "No pact between " + consumer + " " + version + " and " + provider + "."));
      return api.repository().pactContent(tx, p.sha()).orElseThrow();
    });
    StringBuilder body = new StringBuilder();
    body.append("<p>").append(Html.text(consumer)).append(" ").append(Html.text(version)).append(" → ")
        .append(Html.text(provider)).append("</p>");
    try {
      GraphqlPact pact = GraphqlPacts.parse(content, consumer + " " + version);
      for (GraphqlInteraction interaction : pact.interactions()) {
        body.append("<section class=\"op\"><h2>").append(Html.text(interaction.description())).append("</h2>")
            .append("<p><code>").append(Html.text(interaction.operation().label())).append("</code> over ")
            .append(Html.text(interaction.transport().describe())).append("</p><pre class=\"graphql\">")
            .append(Html.text(interaction.operation().document().text())).append("</pre>");
        if (!interaction.operation().variables().isEmpty()) {
          body.append("<p>Variables</p><pre>").append(Html.text(Json.MAPPER.valueToTree(interaction.operation().variables()).toPrettyString()))
              .append("</pre>");
        }
        for (ExpectedMessage expected : interaction.expected()) {
          body.append("<p>Expected</p><pre>").append(Html.text(expected.content().toPrettyString())).append("</pre>");
        }
        body.append("</section>");
      }
      for (ForeignInteraction interaction : pact.foreign()) {
        body.append("<section class=\"op\"><h2>").append(Html.text(interaction.description())).append("</h2><p>")
            .append(Html.text(interaction.summary())).append(" (not GraphQL)</p></section>");
      }
    } catch (PactFormatException | IllegalArgumentException e) {
      String unreadable = GraphqlAwareness.unreadableGraphql(e);
      if (unreadable != null) {
        body.append("<p class=\"failed\">").append(Html.text(unreadable)).append("</p>");
      }
      JsonNode json = Json.parse(content);
      for (JsonNode interaction : json.path("interactions")) {
        body.append("<section class=\"op\"><h2>").append(Html.text(interaction.path("description").asText()))
            .append("</h2><pre>").append(Html.text(interaction.path("request").toPrettyString())).append("</pre></section>");
      }
    }
    ctx.html(Html.page("Pact " + consumer + " " + version, body.toString()));
  }

  private void matrix(Context ctx) {
    String pacticipant = ctx.queryParam("pacticipant");
    String version = ctx.queryParam("version") == null || ctx.queryParam("version").isBlank() ? null : ctx.queryParam("version");
    StringBuilder body = new StringBuilder("<form><input name=\"pacticipant\" placeholder=\"pacticipant\" value=\"")
        .append(Html.text(pacticipant)).append("\"><button>Show</button></form>");
    if (pacticipant != null && !pacticipant.isBlank()) {
      Matrix.Result result = api.database().read(tx -> api.matrix().evaluate(tx, new MatrixQuery(
          List.of(new Selector(pacticipant, version, false, null, null, null, false)), List.of(), null, false, null, null,
          false, null, version == null ? PAGE : null)));
      body.append(rows(result));
    }
    ctx.html(Html.page("Matrix", body.toString()));
  }

  private static String rows(Matrix.Result result) {
    StringBuilder table = new StringBuilder("<table id=\"matrix\"><tr><th>Consumer</th><th>Version</th><th>Provider</th>"
        + "<th>Version</th><th>Verification</th></tr>");
    for (Matrix.Row row : result.rows()) {
      String css = row.success() == null ? "unknown" : row.success() ? "ok" : "failed";
      String label = row.verification() == null ? "not verified"
          : (row.success() ? "verified" : "failed") + (Verification.SCHEMA.equals(row.verification().kind()) ? " by schema" : "");
      table.append("<tr><td>").append(Html.text(row.pact().consumer())).append("</td><td>")
          .append(Html.text(row.pact().consumerVersion().number())).append("</td><td>").append(Html.text(row.pact().provider()))
          .append("</td><td>").append(row.providerVersion() == null ? "" : Html.text(row.providerVersion().number())).append("</td><td class=\"").append(css)
          .append("\">").append(label).append(row.ignored() ? " (ignored)" : "").append("</td></tr>");
    }
    return table.append("</table>").toString();
  }

  private void canIDeploy(Context ctx) {
    String pacticipant = ctx.queryParam("pacticipant");
    String version = ctx.queryParam("version");
    String environment = ctx.queryParam("environment");
    StringBuilder body = new StringBuilder("<form><input name=\"pacticipant\" placeholder=\"pacticipant\" value=\"")
        .append(Html.text(pacticipant)).append("\"><input name=\"version\" placeholder=\"version\" value=\"")
        .append(Html.text(version)).append("\"><input name=\"environment\" placeholder=\"environment\" value=\"")
        .append(Html.text(environment)).append("\"><button>Ask</button></form>");
    if (pacticipant != null && environment != null && !pacticipant.isBlank() && !environment.isBlank()) {
      try {
        Matrix.Result result = api.database().read(tx -> api.matrix().evaluate(tx, new MatrixQuery(
            List.of(new Selector(pacticipant, version == null || version.isBlank() ? null : version,
                version == null || version.isBlank(), null, null, null, false)),
            List.of(), "cvp", false, null, environment, false, null, null)));
        boolean yes = Boolean.TRUE.equals(result.deployable());
        body.append("<p id=\"answer\" class=\"").append(yes ? "ok" : "failed").append("\"><strong>")
            .append(yes ? "Yes" : "No").append("</strong>: ").append(Html.text(result.reason())).append("</p>").append(rows(result));
      } catch (BrokerException e) {
        body.append("<p id=\"answer\" class=\"failed\">").append(Html.text(e.getMessage())).append("</p>");
      }
    }
    ctx.html(Html.page("Can I deploy?", body.toString()));
  }

  private void fieldUsage(Context ctx) {
    String coordinate = ctx.queryParam("coordinate");
    StringBuilder body = new StringBuilder("<form><input name=\"coordinate\" placeholder=\"Type.field\" value=\"")
        .append(Html.text(coordinate)).append("\"><button>Find</button></form>");
    if (coordinate != null && !coordinate.isBlank()) {
      List<GraphqlAwareness.Usage> usages = graphql.usages(coordinate);
      body.append(usages.isEmpty() ? "<p>No published contract uses <code>" + Html.text(coordinate) + "</code>.</p>" : usageTable(usages, false));
    }
    ctx.html(Html.page("Field usage", body.toString()));
  }

  private void deprecated(Context ctx) {
    String provider = ctx.queryParam("provider");
    StringBuilder body = new StringBuilder("<form><input name=\"provider\" placeholder=\"provider\" value=\"")
        .append(Html.text(provider)).append("\"><button>Show</button></form>");
    if (provider == null || provider.isBlank()) {
      body.append("<ul>");
      api.database().read(tx -> {
        for (Pacticipant p : api.repository().pacticipants(tx)) {
          if (api.repository().latestSchemaVersion(tx, p.name()).isPresent()) {
            body.append("<li><a href=\"/dashboard/deprecated?provider=").append(Html.text(Links.encode(p.name()))).append("\">")
                .append(Html.text(p.name())).append("</a></li>");
          }
        }
        return null;
      });
      body.append("</ul>");
    } else {
      List<GraphqlAwareness.Usage> usages = graphql.deprecatedInUse(provider);
      body.append(usages.isEmpty() ? "<p>No deprecated field of " + Html.text(provider) + " is used by a published contract.</p>"
          : usageTable(usages, true));
    }
    ctx.html(Html.page("Deprecated fields still in use", body.toString()));
  }

  private static String usageTable(List<GraphqlAwareness.Usage> usages, boolean deprecated) {
    StringBuilder table = new StringBuilder("<table id=\"usages\"><tr><th>Coordinate</th><th>Consumer</th><th>Version</th>"
        + "<th>Operation</th><th>Where</th></tr>");
    for (GraphqlAwareness.Usage u : usages) {
      table.append("<tr><td><code>").append(Html.text(u.coordinate())).append("</code></td><td>").append(Html.text(u.consumer()))
          .append("</td><td>").append(Html.text(u.consumerVersion())).append("</td><td>").append(Html.text(u.interaction()))
          .append("</td><td>").append(Html.text(String.join(", ", u.environments()))).append("</td></tr>");
    }
    table.append("</table>");
    for (GraphqlAwareness.Usage u : usages) {
      table.append("<p class=\"warn\">").append(Html.text(u.sentence(deprecated))).append("</p>");
    }
    return table.toString();
  }

  private void badge(Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    Status status = api.database().read(tx -> {
      Optional<Publication> latest = api.repository().latestPublication(tx, provider, consumer);
      return latest.isEmpty() ? new Status("unknown", "unknown", false) : status(tx, latest.get());
    });
    String label = status.css().equals("ok") ? "verified" : status.css().equals("failed") ? "failed" : "unknown";
    String colour = status.css().equals("ok") ? "#2ea043" : status.css().equals("failed") ? "#cf222e" : "#8c959f";
    int width = 40 + label.length() * 7;
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (40 + width) + "\" height=\"20\" role=\"img\" aria-label=\"pact: "
        + label + "\"><rect width=\"40\" height=\"20\" fill=\"#555\"/><rect x=\"40\" width=\"" + width + "\" height=\"20\" fill=\""
        + colour + "\"/><g fill=\"#fff\" font-family=\"Verdana,sans-serif\" font-size=\"11\"><text x=\"6\" y=\"14\">pact</text>"
        + "<text x=\"46\" y=\"14\">" + label + "</text></g></svg>";
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("image/svg+xml").result(svg);
  }
}

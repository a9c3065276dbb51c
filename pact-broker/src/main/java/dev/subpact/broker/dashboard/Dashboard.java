package dev.subpact.broker.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.api.ApiContext;
import dev.subpact.broker.api.ApiException;
import dev.subpact.broker.api.Links;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Tx;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side HTML views for people: integrations with their latest pact and verification
 * status, every pacticipant, version, branch and environment as a page, the pact as documentation
 * ({@link PactPage}), the matrix and can-i-deploy ({@link MatrixPages}), the GraphQL views
 * ({@link GraphqlPages}) and a HAL browser ({@link HalPages}). Browsers asking for {@code /} get
 * the integrations page, HAL clients the index; a browser meeting an error gets an HTML page, a
 * client the JSON. The stylesheet and the HAL browser's script are shipped in the jar.
 */
public final class Dashboard {

  static final int PAGE = 50;

  private final ApiContext api;

  private Dashboard(ApiContext api) {
    this.api = api;
  }

  public static void register(Javalin app, ApiContext api, GraphqlAwareness graphql) {
    Dashboard d = new Dashboard(api);
    app.get("/dashboard", d::integrations);
    app.get("/dashboard/pacticipants/{pacticipant}", d::pacticipant);
    app.get("/dashboard/pacticipants/{pacticipant}/versions/{version}", d::version);
    app.get("/dashboard/pacticipants/{pacticipant}/branches/{branch}", d::branch);
    app.get("/dashboard/environments/{environment}", d::environment);
    app.get("/dashboard/assets/{asset}", Dashboard::asset);
    new PactPage(api).register(app);
    new MatrixPages(api).register(app);
    new GraphqlPages(api, graphql).register(app);
    HalPages.register(app);
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge", d::badge);
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge.svg", d::badge);
    // content negotiation of the index: the HAL resource answers first, a browser gets the page instead
    app.after("/", ctx -> {
      ctx.header("Vary", "Accept");
      if (Html.wantsHtml(ctx) && ctx.statusCode() == 200) {
        d.integrations(ctx);
      }
    });
    app.after(Dashboard::errorPage);
  }

  /** A browser's GET that failed gets the JSON errors as a page; every other client keeps the JSON. */
  private static void errorPage(Context ctx) {
    int status = ctx.statusCode();
    if (status < 400 || !"GET".equals(ctx.method().name()) || !Html.wantsHtml(ctx)
        || ctx.res().getContentType() == null || !ctx.res().getContentType().contains("json")) {
      return;
    }
    StringBuilder body = new StringBuilder("<div role=\"alert\"><ul id=\"errors\">");
    for (String message : messages(ctx.result())) {
      body.append("<li>").append(Html.text(message)).append("</li>");
    }
    body.append("</ul></div><p>Start again from the <a href=\"/\">integrations</a>, or look the name up on ")
        .append("<a href=\"/dashboard/hal-browser\">the API</a>.</p>");
    String title = status == 404 ? "Not found" : status == 401 || status == 403 ? "Not allowed" : "Error " + status;
    ctx.html(Html.page(title, body.toString())).status(status);
  }

  /** The messages of an error body: {@code {"error": "…"}}, {@code {"errors": ["…"]}} or {@code {"errors": {"field": ["…"]}}}. */
  static List<String> messages(String json) {
    List<String> messages = new ArrayList<>();
    JsonNode body;
    try {
      body = Json.parse(json);
    } catch (RuntimeException e) {
      return List.of(json);
    }
    if (body.path("error").isTextual()) {
      messages.add(body.path("error").asText());
    }
    JsonNode errors = body.path("errors");
    errors.fields().forEachRemaining(field -> field.getValue().forEach(m -> messages.add(field.getKey() + ": " + m.asText())));
    errors.elements().forEachRemaining(m -> {
      if (m.isTextual()) {
        messages.add(m.asText());
      }
    });
    return messages.isEmpty() ? List.of(json) : messages;
  }

  private static void asset(Context ctx) throws IOException {
    String name = ctx.pathParam("asset");
    String type = name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
    try (InputStream in = type == null || name.contains("/") ? null : Dashboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw ApiException.notFound("No dashboard asset named '" + name + "'.");
      }
      ctx.header("Cache-Control", "max-age=300");
      ctx.contentType(type).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  record Status(String css, String label, boolean pending) {

    static Status of(DashboardReads.Latest latest) {
      if (latest == null) {
        return new Status("unknown", "not verified", true);
      }
      Verification last = latest.newest();
      String by = Verification.SCHEMA.equals(last.kind()) ? " by schema" : "";
      return new Status(last.success() ? "ok" : "failed",
          (last.success() ? "verified" : "failed") + by + " by " + last.providerVersion().number(), !latest.everSucceeded());
    }

    String cell() {
      return "<td class=\"" + css + "\" data-status=\"" + css + "\">" + Html.text(label)
          + (pending ? "<span class=\"pending\">pending</span>" : "") + "</td>";
    }
  }

  /** The verification status of each pact, in two queries whatever their number. */
  private static Map<Long, Status> statuses(Tx tx, List<Publication> pacts) throws SQLException {
    Map<String, DashboardReads.Latest> latest = DashboardReads.latest(tx, pacts);
    Map<Long, Status> result = new java.util.HashMap<>();
    pacts.forEach(p -> result.put(p.id(), Status.of(latest.get(DashboardReads.key(p.sha(), p.providerId())))));
    return result;
  }

  private void integrations(Context ctx) {
    StringBuilder rows = new StringBuilder();
    int offset = offset(ctx);
    boolean[] more = new boolean[1];
    api.database().read(tx -> {
      List<Publication> pagePlusOne = api.storage().pacts().latestPublications(tx, offset, PAGE + 1);
      more[0] = pagePlusOne.size() > PAGE;
      List<Publication> latest = pagePlusOne.subList(0, Math.min(PAGE, pagePlusOne.size()));
      Map<Long, Status> statuses = statuses(tx, latest);
      for (Publication p : latest) {
        rows.append("<tr><td>").append(Html.pacticipantLink(p.consumer())).append("</td><td>")
            .append(Html.pacticipantLink(p.provider())).append("</td><td>")
            .append(Html.link(Html.pactHref(p.provider(), p.consumer(), p.consumerVersion().number()), p.consumerVersion().number()))
            .append("</td><td>").append(Html.date(p.createdAt())).append("</td>").append(statuses.get(p.id()).cell()).append("</tr>");
      }
      return null;
    });
    StringBuilder body = new StringBuilder(rows.length() == 0 ? "<p>No pacts have been published yet.</p>"
        : "<div class=\"scroll\"><table id=\"integrations\"><caption class=\"skip\">Latest pact of each integration</caption>"
            + "<tr><th scope=\"col\">Consumer</th><th scope=\"col\">Provider</th><th scope=\"col\">Latest pact</th>"
            + "<th scope=\"col\">Published</th><th scope=\"col\">Last verification</th></tr>" + rows + "</table></div>"
            + pager("/dashboard", offset, more[0], "previous", "next"));
    api.database().read(tx -> {
      body.append("<h2>Pacticipants</h2><ul id=\"pacticipants\">");
      for (Pacticipant p : api.storage().pacticipants().pacticipants(tx)) {
        body.append("<li>").append(Html.pacticipantLink(p.name())).append("</li>");
      }
      body.append("</ul><h2>Environments</h2><ul id=\"environments\">");
      for (Environment e : api.storage().environments().environments(tx)) {
        body.append("<li>").append(Html.environmentLink(e.name())).append(e.production() ? " (production)" : "").append("</li>");
      }
      return body.append("</ul>");
    });
    ctx.html(Html.page("Integrations", body.toString()));
  }

  private static int offset(Context ctx) {
    try {
      return Math.max(0, Integer.parseInt(ctx.queryParamAsClass("offset", String.class).getOrDefault("0")));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("offset must be a whole number of versions to skip, e.g. ?offset=50.");
    }
  }

  /** A table of versions (newest first) with their branches and where they run, and a pager. */
  private static String versionTable(Tx tx, String pacticipant, List<Version> pagePlusOne, int offset, String base)
      throws SQLException {
    List<Version> versions = pagePlusOne.subList(0, Math.min(PAGE, pagePlusOne.size()));
    List<Long> ids = versions.stream().map(Version::id).toList();
    Map<Long, List<String>> branches = DashboardReads.branches(tx, ids);
    Map<Long, List<DashboardReads.Place>> places = DashboardReads.places(tx, ids);
    StringBuilder table = new StringBuilder("<div class=\"scroll\"><table id=\"versions\"><tr><th scope=\"col\">Version</th>"
        + "<th scope=\"col\">Created</th><th scope=\"col\">Branches</th><th scope=\"col\">Where</th></tr>");
    for (Version v : versions) {
      table.append("<tr><td>").append(Html.versionLink(pacticipant, v.number())).append("</td><td>").append(Html.date(v.createdAt()))
          .append("</td><td>").append(branchLinks(pacticipant, branches.getOrDefault(v.id(), List.of()))).append("</td><td>")
          .append(placeLinks(places.getOrDefault(v.id(), List.of()))).append("</td></tr>");
    }
    return table.append("</table></div>").append(pager(base, offset, pagePlusOne.size() > PAGE, "newer", "older")).toString();
  }

  /** Links to the previous and next {@value #PAGE} rows of a paged list. */
  private static String pager(String base, int offset, boolean more, String previous, String next) {
    StringBuilder pager = new StringBuilder("<p class=\"pager\">");
    if (offset > 0) {
      pager.append(Html.link(base + "?offset=" + Math.max(0, offset - PAGE), "← " + previous));
    }
    if (more) {
      pager.append(Html.link(base + "?offset=" + (offset + PAGE), next + " →"));
    }
    return pager.append("</p>").toString();
  }

  static String branchLinks(String pacticipant, List<String> branches) {
    List<String> links = new ArrayList<>();
    branches.forEach(b -> links.add(Html.branchLink(pacticipant, b)));
    return String.join(", ", links);
  }

  static String placeLinks(List<DashboardReads.Place> places) {
    List<String> links = new ArrayList<>();
    places.forEach(p -> links.add(p.kind() + " in " + Html.environmentLink(p.environment())));
    return String.join(", ", links);
  }

  private void pacticipant(Context ctx) {
    String name = ctx.pathParam("pacticipant");
    int offset = offset(ctx);
    String body = api.database().read(tx -> {
      Pacticipant p = api.pacticipantOr404(tx, name);
      StringBuilder out = new StringBuilder("<dl><dt>Main branch</dt><dd>")
          .append(p.mainBranch() == null ? "none yet" : Html.branchLink(name, p.mainBranch())).append("</dd><dt>Branches</dt><dd>")
          .append(branchLinks(name, api.storage().branchesAndTags().branches(tx, p))).append("</dd>");
      if (p.repositoryUrl() != null) {
        out.append("<dt>Repository</dt><dd>").append(Html.text(p.repositoryUrl())).append("</dd>");
      }
      out.append("<dt>API</dt><dd>").append(Html.link(HalPages.browse("/pacticipants/" + Links.encode(name)), "/pacticipants/" + name)).append("</dd></dl><h2>Versions</h2>");
      return out.append(versionTable(tx, name, DashboardReads.versions(tx, name, PAGE + 1, offset), offset, Html.pacticipantHref(name)))
          .toString();
    });
    ctx.html(Html.page(name, body));
  }

  private void version(Context ctx) {
    String name = ctx.pathParam("pacticipant");
    String number = ctx.pathParam("version");
    String body = api.database().read(tx -> {
      Version v = api.versionOr404(tx, name, number);
      StringBuilder out = new StringBuilder("<dl><dt>Pacticipant</dt><dd>").append(Html.pacticipantLink(name))
          .append("</dd><dt>Created</dt><dd>").append(Html.date(v.createdAt())).append("</dd><dt>Branches</dt><dd>")
          .append(branchLinks(name, api.storage().branchesAndTags().branchesOf(tx, v))).append("</dd><dt>Tags</dt><dd>");
      api.storage().branchesAndTags().tags(tx, v).forEach(t -> out.append("<span class=\"tag\">").append(Html.text(t)).append("</span>"));
      out.append("</dd><dt>Where</dt><dd>")
          .append(placeLinks(DashboardReads.places(tx, List.of(v.id())).getOrDefault(v.id(), List.of())));
      if (v.buildUrl() != null) {
        out.append("</dd><dt>Build</dt><dd>").append(Html.text(v.buildUrl()));
      }
      out.append("</dd></dl><h2>Pacts</h2>");
      List<Publication> pacts = api.storage().pacts().publicationsOf(tx, v);
      if (pacts.isEmpty()) {
        out.append("<p>").append(Html.text(name + " " + number)).append(" published no pact.</p>");
      } else {
        out.append("<ul id=\"pacts\">");
        Map<Long, Status> statuses = statuses(tx, pacts);
        for (Publication p : pacts) {
          out.append("<li>").append(Html.link(Html.pactHref(p.provider(), p.consumer(), number), "pact with " + p.provider()))
              .append(" (").append(statuses.get(p.id()).label()).append(")</li>");
        }
        out.append("</ul>");
      }
      out.append("<h2>Verified as provider</h2>");
      List<Verification> verified = api.storage().verifications().verificationsBy(tx, v);
      if (verified.isEmpty()) {
        out.append("<p>This version verified no pact.</p>");
      } else {
        out.append("<ul id=\"verified\">");
        for (Verification verification : verified.subList(0, Math.min(PAGE, verified.size()))) {
          out.append("<li class=\"").append(verification.success() ? "ok" : "failed").append("\">")
              .append(verification.success() ? "verified " : "failed ").append(Html.text(verification.kind()))
              .append(" on ").append(Html.date(verification.createdAt())).append("</li>");
        }
        out.append("</ul>");
      }
      return out.toString();
    });
    ctx.html(Html.page(name + " " + number, body));
  }

  private void branch(Context ctx) {
    String name = ctx.pathParam("pacticipant");
    String branch = ctx.pathParam("branch");
    int offset = offset(ctx);
    String body = api.database().read(tx -> {
      api.pacticipantOr404(tx, name);
      List<Version> versions = DashboardReads.versionsOnBranch(tx, name, branch, PAGE + 1, offset);
      if (versions.isEmpty() && offset == 0) {
        throw ApiException.notFound("Pacticipant '" + name + "' has no branch named '" + branch + "'.");
      }
      return "<p>Versions of " + Html.pacticipantLink(name) + " on branch " + Html.text(branch) + ", newest first.</p>"
          + versionTable(tx, name, versions, offset, Html.pacticipantHref(name) + "/branches/" + Links.encode(branch));
    });
    ctx.html(Html.page(name + " branch " + branch, body));
  }

  private void environment(Context ctx) {
    String name = ctx.pathParam("environment");
    int offset = offset(ctx);
    String body = api.database().read(tx -> {
      Environment e = api.storage().environments().environmentNamed(tx, name).orElseThrow(() -> ApiException.notFound(
          "No environment named '" + name + "'. Create it with create-environment --name " + name + "."));
      StringBuilder out = new StringBuilder("<dl><dt>Display name</dt><dd>").append(Html.text(e.displayName()))
          .append("</dd><dt>Production</dt><dd>").append(e.production() ? "yes" : "no").append("</dd></dl><h2>Running here</h2>");
      List<Object[]> pagePlusOne = DashboardReads.inEnvironment(tx, name, PAGE + 1, offset);
      List<Object[]> running = pagePlusOne.subList(0, Math.min(PAGE, pagePlusOne.size()));
      if (running.isEmpty() && offset == 0) {
        return out.append("<p>No version is deployed or released here.</p>").toString();
      }
      out.append("<div class=\"scroll\"><table id=\"running\"><tr><th scope=\"col\">Pacticipant</th><th scope=\"col\">Version</th>"
          + "<th scope=\"col\">How</th><th scope=\"col\">Since</th></tr>");
      for (Object[] row : running) {
        Version v = (Version) row[0];
        out.append("<tr><td>").append(Html.pacticipantLink(v.pacticipant())).append("</td><td>")
            .append(Html.versionLink(v.pacticipant(), v.number())).append("</td><td>").append(Html.text((String) row[1]))
            .append(row[2] == null ? "" : " (" + Html.text((String) row[2]) + ")").append("</td><td>")
            .append(Html.date((String) row[3])).append("</td></tr>");
      }
      return out.append("</table></div>").append(pager("/dashboard/environments/" + Links.encode(name), offset,
          pagePlusOne.size() > PAGE, "previous", "next")).toString();
    });
    ctx.html(Html.page("Environment " + name, body));
  }

  private void badge(Context ctx) {
    String provider = ctx.pathParam("provider");
    String consumer = ctx.pathParam("consumer");
    Status status = api.database().read(tx -> {
      Optional<Publication> latest = api.storage().pacts().latestPublication(tx, provider, consumer);
      return latest.isEmpty() ? new Status("unknown", "unknown", false) : statuses(tx, List.of(latest.get())).get(latest.get().id());
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

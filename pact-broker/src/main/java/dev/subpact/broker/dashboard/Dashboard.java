package dev.subpact.broker.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.contract.ResourceUrls;
import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.PageRows;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side HTML views for people: integrations with their latest pact and verification
 * status, every pacticipant, version, branch and environment as a page, the pact as documentation
 * ({@link PactPage}), the matrix and can-i-deploy ({@link MatrixPages}), the GraphQL views
 * ({@link GraphqlPages}) and a HAL browser ({@link HalPages}), each rendered from what
 * {@link BrokerData} reads. The api's {@code DashboardRoutes} serve them, with the error page and the
 * negotiation of {@code /}. The stylesheet and the HAL browser's script are shipped in the jar.
 */
public final class Dashboard {

  static final int PAGE = 50;

  private final BrokerData data;
  private final PactPage pactPage;
  private final MatrixPages matrixPages;
  private final GraphqlPages graphqlPages;

  public Dashboard(BrokerData data, GraphqlAwareness graphql) {
    this.data = data;
    this.pactPage = new PactPage(data);
    this.matrixPages = new MatrixPages(data);
    this.graphqlPages = new GraphqlPages(data, graphql);
  }

  /** A static file of the dashboard: its content type and text. */
  public record Asset(String contentType, String text) {}

  /** A page and the status it is served with. */
  public record Page(int status, String html) {}

  /** A relation of the API's index, for its documentation page. */
  public record Relation(String rel, String title, String path) {}

  /** A browser's failed GET: the messages of the JSON errors {@code body} as a page. */
  public static String errorPage(int status, String body) {
    StringBuilder page = new StringBuilder("<div role=\"alert\"><ul id=\"errors\">");
    for (String message : messages(body)) {
      page.append("<li>").append(Html.text(message)).append("</li>");
    }
    page.append("</ul></div><p>Start again from the <a href=\"/\">integrations</a>, or look the name up on ")
        .append("<a href=\"/dashboard/hal-browser\">the API</a>.</p>");
    String title = status == 404 ? "Not found" : status == 401 || status == 403 ? "Not allowed" : "Error " + status;
    return Html.page(title, page.toString());
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

  /** The stylesheet or a script shipped in the jar; empty for any other name. */
  public static Optional<Asset> asset(String name) {
    String type = name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
    try (InputStream in = type == null || name.contains("/") ? null : Dashboard.class.getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(type, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot read the dashboard asset " + name + " from the jar", e);
    }
  }

  public String pact(String provider, String consumer, String version) {
    return pactPage.pact(provider, consumer, version);
  }

  public String matrix(String pacticipant, String version, String environment) {
    return matrixPages.matrix(new MatrixPages.Picked(pacticipant, version, environment));
  }

  public String canIDeploy(String pacticipant, String version, String environment) {
    return matrixPages.canIDeploy(new MatrixPages.Picked(pacticipant, version, environment));
  }

  public String graphqlProviders() {
    return graphqlPages.providers();
  }

  public String graphqlProvider(String provider) {
    return graphqlPages.provider(provider);
  }

  public String fieldUsage(String coordinate) {
    return graphqlPages.fieldUsage(coordinate);
  }

  public String deprecatedInUse(String provider) {
    return graphqlPages.deprecated(provider);
  }

  public static String halBrowser() {
    return HalPages.browser();
  }

  /** The page of one relation of the index ({@code rel}, with or without its {@code pb:} curie); 404 when unknown. */
  public static Page relationDoc(String rel, List<Relation> relations) {
    return HalPages.doc(rel, relations);
  }

  record Status(String css, String label, boolean pending) {

    static Status of(PageRows.Latest latest) {
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
  private static Map<Long, Status> statuses(Session tx, List<Publication> pacts) {
    Map<String, PageRows.Latest> latest = tx.latest(pacts);
    Map<Long, Status> result = new java.util.HashMap<>();
    pacts.forEach(p -> result.put(p.id(), Status.of(latest.get(PageRows.key(p.sha(), p.providerId())))));
    return result;
  }

  /** The latest pact of each integration ({@value #PAGE} from {@code offset}), every pacticipant and environment. */
  public String integrations(int offset) {
    StringBuilder rows = new StringBuilder();
    boolean[] more = new boolean[1];
    data.read(tx -> {
      List<Publication> pagePlusOne = tx.latestPublications(offset, PAGE + 1);
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
    data.read(tx -> {
      body.append("<h2>Pacticipants</h2><ul id=\"pacticipants\">");
      for (Pacticipant p : tx.pacticipants()) {
        body.append("<li>").append(Html.pacticipantLink(p.name())).append("</li>");
      }
      body.append("</ul><h2>Environments</h2><ul id=\"environments\">");
      for (Environment e : tx.environments()) {
        body.append("<li>").append(Html.environmentLink(e.name())).append(e.production() ? " (production)" : "").append("</li>");
      }
      return body.append("</ul>");
    });
    return Html.page("Integrations", body.toString());
  }

  /** A table of versions (newest first) with their branches and where they run, and a pager. */
  private static String versionTable(Session tx, String pacticipant, List<Version> pagePlusOne, int offset, String base) {
    List<Version> versions = pagePlusOne.subList(0, Math.min(PAGE, pagePlusOne.size()));
    List<Long> ids = versions.stream().map(Version::id).toList();
    Map<Long, List<String>> branches = tx.branches(ids);
    Map<Long, List<PageRows.Place>> places = tx.places(ids);
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

  static String placeLinks(List<PageRows.Place> places) {
    List<String> links = new ArrayList<>();
    places.forEach(p -> links.add(p.kind() + " in " + Html.environmentLink(p.environment())));
    return String.join(", ", links);
  }

  public String pacticipant(String name, int offset) {
    String body = data.read(tx -> {
      Pacticipant p = tx.existingPacticipant(name);
      StringBuilder out = new StringBuilder("<dl><dt>Main branch</dt><dd>")
          .append(p.mainBranch() == null ? "none yet" : Html.branchLink(name, p.mainBranch())).append("</dd><dt>Branches</dt><dd>")
          .append(branchLinks(name, tx.branches(p))).append("</dd>");
      if (p.repositoryUrl() != null) {
        out.append("<dt>Repository</dt><dd>").append(Html.text(p.repositoryUrl())).append("</dd>");
      }
      out.append("<dt>API</dt><dd>").append(Html.link(HalPages.browse("/pacticipants/" + ResourceUrls.encode(name)), "/pacticipants/" + name)).append("</dd></dl><h2>Versions</h2>");
      return out.append(versionTable(tx, name, tx.versions(name, PAGE + 1, offset), offset, Html.pacticipantHref(name)))
          .toString();
    });
    return Html.page(name, body);
  }

  public String version(String name, String number) {
    String body = data.read(tx -> {
      Version v = tx.existingVersion(name, number);
      StringBuilder out = new StringBuilder("<dl><dt>Pacticipant</dt><dd>").append(Html.pacticipantLink(name))
          .append("</dd><dt>Created</dt><dd>").append(Html.date(v.createdAt())).append("</dd><dt>Branches</dt><dd>")
          .append(branchLinks(name, tx.branchesOf(v))).append("</dd><dt>Tags</dt><dd>");
      tx.tags(v).forEach(t -> out.append("<span class=\"tag\">").append(Html.text(t)).append("</span>"));
      out.append("</dd><dt>Where</dt><dd>")
          .append(placeLinks(tx.places(List.of(v.id())).getOrDefault(v.id(), List.of())));
      if (v.buildUrl() != null) {
        out.append("</dd><dt>Build</dt><dd>").append(Html.text(v.buildUrl()));
      }
      out.append("</dd></dl><h2>Pacts</h2>");
      List<Publication> pacts = tx.publicationsOf(v);
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
      List<Verification> verified = tx.verificationsBy(v);
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
    return Html.page(name + " " + number, body);
  }

  public String branch(String name, String branch, int offset) {
    String body = data.read(tx -> {
      tx.existingPacticipant(name);
      List<Version> versions = tx.versionsOnBranch(name, branch, PAGE + 1, offset);
      if (versions.isEmpty() && offset == 0) {
        throw BrokerException.notFound("Pacticipant '" + name + "' has no branch named '" + branch + "'.");
      }
      return "<p>Versions of " + Html.pacticipantLink(name) + " on branch " + Html.text(branch) + ", newest first.</p>"
          + versionTable(tx, name, versions, offset, Html.pacticipantHref(name) + "/branches/" + ResourceUrls.encode(branch));
    });
    return Html.page(name + " branch " + branch, body);
  }

  public String environment(String name, int offset) {
    String body = data.read(tx -> {
      Environment e = tx.environmentNamed(name).orElseThrow(() -> BrokerException.notFound(
          "No environment named '" + name + "'. Create it first (the Pact Broker client's create-environment)."));
      StringBuilder out = new StringBuilder("<dl><dt>Display name</dt><dd>").append(Html.text(e.displayName()))
          .append("</dd><dt>Production</dt><dd>").append(e.production() ? "yes" : "no").append("</dd></dl><h2>Running here</h2>");
      List<Object[]> pagePlusOne = tx.inEnvironment(name, PAGE + 1, offset);
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
      return out.append("</table></div>").append(pager("/dashboard/environments/" + ResourceUrls.encode(name), offset,
          pagePlusOne.size() > PAGE, "previous", "next")).toString();
    });
    return Html.page("Environment " + name, body);
  }

  /** The SVG badge of the latest pact between the two: verified, failed or unknown. */
  public String badge(String provider, String consumer) {
    Status status = data.read(tx -> {
      Optional<Publication> latest = tx.latestPublication(provider, consumer);
      return latest.isEmpty() ? new Status("unknown", "unknown", false) : statuses(tx, List.of(latest.get())).get(latest.get().id());
    });
    String label = status.css().equals("ok") ? "verified" : status.css().equals("failed") ? "failed" : "unknown";
    String colour = status.css().equals("ok") ? "#2ea043" : status.css().equals("failed") ? "#cf222e" : "#8c959f";
    int width = 40 + label.length() * 7;
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (40 + width) + "\" height=\"20\" role=\"img\" aria-label=\"pact: "
        + label + "\"><rect width=\"40\" height=\"20\" fill=\"#555\"/><rect x=\"40\" width=\"" + width + "\" height=\"20\" fill=\""
        + colour + "\"/><g fill=\"#fff\" font-family=\"Verdana,sans-serif\" font-size=\"11\"><text x=\"6\" y=\"14\">pact</text>"
        + "<text x=\"46\" y=\"14\">" + label + "</text></g></svg>";
    return svg;
  }
}

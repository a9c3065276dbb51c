package dev.subpact.broker.dashboard;

import dev.subpact.broker.contract.ResourceUrls;
import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.model.PageRows;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GraphQL views. "In use" means a consumer version currently deployed or released somewhere,
 * or the newest version on its pacticipant's main branch: older versions nobody runs are left out.
 * <ul>
 *   <li>a provider's heat map: consumers × schema fields, each cell coloured by where the consumer
 *       versions using the field run (production, another environment, main branch only);</li>
 *   <li>a provider's timeline: consumer versions × provider builds with each build's verdict;</li>
 *   <li>field usage: which versions in use use a coordinate, and where they run;</li>
 *   <li>deprecated fields still in use, by versions in use, with the environment named.</li>
 * </ul>
 */
final class GraphqlPages {

  static final int TIMELINE = 12;
  private static final int COORDINATES = 2000;

  private final BrokerData data;
  private final GraphqlAwareness graphql;

  GraphqlPages(BrokerData data, GraphqlAwareness graphql) {
    this.data = data;
    this.graphql = graphql;
  }

  private static String providerHref(String provider) {
    return "/dashboard/graphql/" + ResourceUrls.encode(provider);
  }

  String providers() {
    List<String> providers = data.read(Session::graphqlProviders);
    StringBuilder body = new StringBuilder();
    if (providers.isEmpty()) {
      body.append("<p>No provider has published a GraphQL schema yet (PUT it to /pacticipants/{provider}/versions/{version}/graphql-schema).</p>");
    } else {
      body.append("<p>Providers with a published GraphQL schema: their fields in use, and their builds' verdicts.</p><ul id=\"providers\">");
      providers.forEach(p -> body.append("<li>").append(Html.link(providerHref(p), p)).append("</li>"));
      body.append("</ul>");
    }
    return Html.page("GraphQL", body.toString());
  }

  String provider(String provider) {
    Set<String> deprecated = new TreeSet<>(graphql.deprecatedCoordinates(provider));
    String body = data.read(tx -> {
      tx.existingPacticipant(provider);
      return "<p>Provider " + Html.pacticipantLink(provider) + " · " + Html.link("/dashboard/deprecated?provider="
          + ResourceUrls.encode(provider), "deprecated fields still in use") + "</p>" + heatMap(tx, provider, deprecated)
          + timeline(tx, provider);
    });
    return Html.page("GraphQL: " + provider, body);
  }

  private record Cell(String severity, List<String> who) {}

  private static int rank(String severity) {
    return switch (severity) {
      case "production" -> 3;
      case "environment" -> 2;
      default -> 1;
    };
  }

  private static String heatMap(Session tx, String provider, Set<String> deprecated) {
    List<PageRows.InUse> inUse = tx.inUse(provider);
    Map<String, List<String[]>> usages = tx.fieldUsages(inUse.stream().map(PageRows.InUse::sha).distinct().toList());
    Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
    Set<String> coordinates = new TreeSet<>();
    for (PageRows.InUse use : inUse) {
      Set<String> fields = new TreeSet<>();
      usages.getOrDefault(use.sha(), List.of()).forEach(u -> fields.add(u[0]));
      for (String field : fields) {
        coordinates.add(field);
        String who = use.version().number() + " (" + use.where() + ")";
        cells.computeIfAbsent(use.version().pacticipant(), k -> new HashMap<>()).merge(field,
            new Cell(use.severity(), List.of(who)), (a, b) -> {
              List<String> all = new ArrayList<>(a.who());
              all.addAll(b.who());
              return new Cell(rank(b.severity()) > rank(a.severity()) ? b.severity() : a.severity(), all);
            });
      }
    }
    StringBuilder out = new StringBuilder("<h2>Fields in use</h2>");
    if (coordinates.isEmpty()) {
      return out.append("<p id=\"heat-map\">No consumer version in use has a contract checked against ")
          .append(Html.text(provider)).append("'s schema.</p>").toString();
    }
    out.append("<p class=\"legend\">Each cell: where the consumer's versions selecting the field run. ")
        .append("<span class=\"where-production\">P production</span><span class=\"where-environment\">E other environment</span>")
        .append("<span class=\"where-main\">M main branch only</span> Deprecated fields are marked †.</p>")
        .append("<div class=\"scroll\"><table id=\"heat-map\" class=\"heat\"><tr><th scope=\"col\">Field</th>");
    for (String consumer : cells.keySet()) {
      out.append("<th scope=\"col\">").append(Html.pacticipantLink(consumer)).append("</th>");
    }
    out.append("</tr>");
    for (String coordinate : coordinates) {
      out.append("<tr><th scope=\"row\">").append(Html.link("/dashboard/field-usage?coordinate=" + ResourceUrls.encode(coordinate),
          coordinate)).append(deprecated.contains(coordinate) ? " <span title=\"deprecated\">†</span>" : "").append("</th>");
      for (Map.Entry<String, Map<String, Cell>> consumer : cells.entrySet()) {
        Cell cell = consumer.getValue().get(coordinate);
        if (cell == null) {
          out.append("<td class=\"cell\" data-consumer=\"").append(Html.text(consumer.getKey())).append("\"></td>");
          continue;
        }
        String title = consumer.getKey() + " " + String.join("; ", cell.who()) + " selects " + coordinate;
        out.append("<td class=\"cell where-").append(cell.severity()).append("\" data-consumer=\"")
            .append(Html.text(consumer.getKey())).append("\" data-where=\"").append(cell.severity())
            .append("\" title=\"").append(Html.text(title)).append("\"><span aria-label=\"").append(Html.text(title)).append("\">")
            .append(cell.severity().substring(0, 1).toUpperCase(java.util.Locale.ROOT)).append("</span></td>");
      }
      out.append("</tr>");
    }
    return out.append("</table></div>").toString();
  }

  private static String timeline(Session tx, String provider) {
    List<Object[]> consumers = new ArrayList<>(tx.recentConsumerVersions(provider, TIMELINE));
    List<Version> builds = new ArrayList<>(tx.recentProviderBuilds(provider, TIMELINE));
    java.util.Collections.reverse(consumers);
    java.util.Collections.reverse(builds);
    StringBuilder out = new StringBuilder("<h2>Timeline</h2>");
    if (consumers.isEmpty() || builds.isEmpty()) {
      return out.append("<p id=\"timeline\">No consumer version of ").append(Html.text(provider))
          .append(" has been verified by one of its builds yet.</p>").toString();
    }
    List<String> shas = consumers.stream().map(c -> (String) c[1]).distinct().toList();
    Map<String, PageRows.Verdict> verdicts = new HashMap<>();
    for (PageRows.Verdict v : tx.verdicts(shas, builds.stream().map(Version::id).toList())) {
      verdicts.merge(v.sha() + "/" + v.providerVersionId(), v,
          (kept, next) -> Verification.SCHEMA.equals(next.kind()) && !Verification.SCHEMA.equals(kept.kind()) ? kept : next);
    }
    List<Long> consumerIds = consumers.stream().map(c -> ((Version) c[0]).id()).toList();
    Map<Long, List<PageRows.Place>> places = tx.places(consumerIds);
    Map<Long, List<String>> branches = tx.branches(consumerIds);
    out.append("<p>The newest ").append(TIMELINE).append(" consumer versions (oldest at the top) against the newest ")
        .append(TIMELINE).append(" builds of ").append(Html.text(provider))
        .append(" (oldest on the left): ✓ verified, ✗ failed, “schema” when checked against the published schema only.</p>")
        .append("<div class=\"scroll\"><table id=\"timeline\" class=\"timeline\"><tr><th scope=\"col\">Consumer version</th>")
        .append("<th scope=\"col\">Where</th>");
    for (Version build : builds) {
      out.append("<th scope=\"col\">").append(Html.versionLink(provider, build.number())).append("</th>");
    }
    out.append("</tr>");
    for (Object[] row : consumers) {
      Version consumer = (Version) row[0];
      out.append("<tr><th scope=\"row\">").append(Html.pacticipantLink(consumer.pacticipant())).append(" ")
          .append(Html.link(Html.pactHref(provider, consumer.pacticipant(), consumer.number()), consumer.number()))
          .append("</th><td>").append(where(consumer, places, branches)).append("</td>");
      for (Version build : builds) {
        PageRows.Verdict verdict = verdicts.get(row[1] + "/" + build.id());
        if (verdict == null) {
          out.append("<td class=\"cell unknown\" data-verdict=\"none\"><span aria-label=\"not verified\">·</span></td>");
        } else {
          String schema = Verification.SCHEMA.equals(verdict.kind()) ? " schema" : "";
          out.append("<td class=\"cell ").append(verdict.success() ? "ok" : "failed").append("\" data-verdict=\"")
              .append(verdict.success() ? "verified" : "failed").append("\">").append(verdict.success() ? "✓" : "✗")
              .append(schema).append("</td>");
        }
      }
      out.append("</tr>");
    }
    return out.append("</table></div>").toString();
  }

  private static String where(Version version, Map<Long, List<PageRows.Place>> places, Map<Long, List<String>> branches) {
    String placed = Dashboard.placeLinks(places.getOrDefault(version.id(), List.of()));
    String branched = Dashboard.branchLinks(version.pacticipant(), branches.getOrDefault(version.id(), List.of()));
    return placed + (placed.isEmpty() || branched.isEmpty() ? "" : "; ") + (branched.isEmpty() ? "" : "on " + branched);
  }

  /** One consumer version's use of a coordinate, with every operation of its pact that selects it. */
  private record UsageRow(String coordinate, PageRows.InUse use, List<String> interactions) {}

  /** The uses of {@code coordinates} by versions in use (of every provider when {@code provider} is null). */
  private static List<UsageRow> usagesInUse(Session tx, String provider, Set<String> coordinates) {
    List<PageRows.InUse> inUse = tx.inUse(provider);
    Map<String, List<String[]>> usages = tx.fieldUsages(inUse.stream().map(PageRows.InUse::sha).distinct().toList());
    Map<String, UsageRow> rows = new LinkedHashMap<>();
    for (PageRows.InUse use : inUse) {
      for (String[] usage : usages.getOrDefault(use.sha(), List.of())) {
        if (coordinates.contains(usage[0])) {
          rows.computeIfAbsent(usage[0] + "\u0000" + use.version().id() + "\u0000" + use.provider(),
              k -> new UsageRow(usage[0], use, new ArrayList<>())).interactions().add(usage[1]);
        }
      }
    }
    List<UsageRow> sorted = new ArrayList<>(rows.values());
    sorted.sort(java.util.Comparator.comparing(UsageRow::coordinate));
    return sorted;
  }

  private static String usageTable(List<UsageRow> rows) {
    StringBuilder table = new StringBuilder("<div class=\"scroll\"><table id=\"usages\"><tr><th scope=\"col\">Field</th>"
        + "<th scope=\"col\">Consumer</th><th scope=\"col\">Version</th><th scope=\"col\">Operation</th><th scope=\"col\">Where</th></tr>");
    for (UsageRow row : rows) {
      Version v = row.use().version();
      String where = Dashboard.placeLinks(row.use().places()) + (row.use().mainHead()
          ? (row.use().places().isEmpty() ? "" : ", ") + "head of the main branch" : "");
      table.append("<tr><td><code>").append(Html.text(row.coordinate())).append("</code></td><td>")
          .append(Html.pacticipantLink(v.pacticipant())).append("</td><td>").append(Html.versionLink(v.pacticipant(), v.number()))
          .append("</td><td>");
      String pact = Html.pactHref(row.use().provider(), v.pacticipant(), v.number());
      List<String> operations = new ArrayList<>();
      row.interactions().forEach(interaction -> operations.add(Html.link(pact, interaction)));
      table.append(String.join(", ", operations)).append("</td><td>").append(where).append("</td></tr>");
    }
    return table.append("</table></div>").toString();
  }

  String fieldUsage(String coordinate) {
    String body = data.read(tx -> {
      StringBuilder out = new StringBuilder("<form method=\"get\"><label>Field (Type.field) <input name=\"coordinate\" list=\"coordinates\" value=\"")
          .append(Html.text(coordinate)).append("\" size=\"40\" autocomplete=\"off\"></label><datalist id=\"coordinates\">");
      tx.coordinates(COORDINATES).forEach(c -> out.append("<option value=\"").append(Html.text(c)).append("\">"));
      out.append("</datalist><button>Find</button></form>");
      if (coordinate == null) {
        return out.append("<p>Pick a field to see which consumer versions in use select it, and where they run.</p>").toString();
      }
      List<UsageRow> rows = usagesInUse(tx, null, Set.of(coordinate));
      if (rows.isEmpty()) {
        return out.append("<p id=\"usages\">No consumer version in use (deployed, released or the head of a main branch) uses <code>")
            .append(Html.text(coordinate)).append("</code>. Older versions may: ")
            .append(Html.link("/graphql/field-usage/" + ResourceUrls.encode(coordinate), "every version, as JSON")).append(".</p>").toString();
      }
      return out.append("<p>").append(rows.size()).append(rows.size() == 1 ? " use" : " uses").append(" of <code>")
          .append(Html.text(coordinate)).append("</code> by consumer versions in use; ")
          .append(Html.link("/graphql/field-usage/" + ResourceUrls.encode(coordinate), "every version, as JSON")).append(".</p>")
          .append(usageTable(rows)).toString();
    });
    return Html.page("Field usage", body);
  }

  String deprecated(String provider) {
    List<String> coordinates = provider == null ? List.of() : graphql.deprecatedCoordinates(provider);
    String body = data.read(tx -> {
      StringBuilder out = new StringBuilder("<form method=\"get\">")
          .append(Html.picker("provider", "Provider", tx.graphqlProviders(), provider, false))
          .append("<button>Show</button></form>");
      if (provider == null) {
        return out.append("<p>Pick a provider with a published GraphQL schema.</p>").toString();
      }
      if (coordinates.isEmpty()) {
        return out.append("<p id=\"usages\">The newest schema of ").append(Html.text(provider))
            .append(" deprecates no field or argument.</p>").toString();
      }
      List<UsageRow> rows = usagesInUse(tx, provider, new TreeSet<>(coordinates));
      out.append("<p>").append(coordinates.size()).append(coordinates.size() == 1 ? " field or argument is" : " fields and arguments are")
          .append(" deprecated in the newest schema of ").append(Html.link(providerHref(provider), provider))
          .append(". Listed: their uses by consumer versions deployed, released or at the head of a main branch.</p>");
      if (rows.isEmpty()) {
        return out.append("<p id=\"usages\" class=\"ok\">No consumer version in use selects a deprecated field: they can be removed.</p>")
            .toString();
      }
      return out.append(usageTable(rows)).toString();
    });
    return Html.page("Deprecated fields still in use", body);
  }
}

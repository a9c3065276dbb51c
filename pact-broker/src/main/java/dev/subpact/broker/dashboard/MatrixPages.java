package dev.subpact.broker.dashboard;

import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.data.Session;
import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.matrix.MatrixQuery;
import dev.subpact.broker.matrix.Selector;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.PageRows;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The matrix and can-i-deploy for people: pickers filled from the broker's pacticipants, their
 * newest versions and the environments; one row per (pact, provider version) with both sides'
 * branches and environments and dates in words; can-i-deploy's reasons as a list.
 */
final class MatrixPages {

  static final int ROWS = 100;
  private static final int NOTICES = 20;

  private final BrokerData data;

  MatrixPages(BrokerData data) {
    this.data = data;
  }

  /** What the pickers chose; null where nothing was picked. */
  record Picked(String pacticipant, String version, String environment) {}

  /** The pickers: pacticipant, its newest versions (once one is chosen), and optionally the environment. */
  private String form(Session tx, Picked picked, boolean environmentRequired, String button) {
    String pacticipant = picked.pacticipant();
    String version = picked.version();
    String environment = picked.environment();
    List<String> names = tx.pacticipants().stream().map(Pacticipant::name).toList();
    List<String> versions = new ArrayList<>();
    if (pacticipant != null) {
      tx.versions(pacticipant, Dashboard.PAGE, 0).forEach(v -> versions.add(v.number()));
      if (version != null && !versions.contains(version)) {
        versions.add(0, version);
      }
    }
    List<String> environments = tx.environments().stream().map(Environment::name).toList();
    StringBuilder form = new StringBuilder("<form method=\"get\">")
        .append(Html.picker("pacticipant", "Pacticipant", names, pacticipant, false))
        .append(Html.picker("version", "Version (newest when empty)", versions, version, true))
        .append(Html.picker("environment", environmentRequired ? "To environment" : "Against the environment", environments,
            environment, !environmentRequired))
        .append("<button>").append(Html.text(button)).append("</button></form>");
    if (pacticipant != null && versions.isEmpty()) {
      form.append("<p class=\"note\">").append(Html.text(pacticipant)).append(" has no versions yet.</p>");
    }
    return form.toString();
  }

  String matrix(Picked picked) {
    String body = data.read(tx -> {
      StringBuilder out = new StringBuilder(form(tx, picked, false, "Show"));
      if (picked.pacticipant() == null) {
        return out.append("<p>Pick a pacticipant to see what its pacts were verified against.</p>").toString();
      }
      tx.existingPacticipant(picked.pacticipant());
      return out.append(table(tx, evaluate(tx, picked))).toString();
    });
    return Html.page("Matrix", body);
  }

  /** The newest version when none was picked; against the environment (can-i-deploy) when one was. */
  private Matrix.Result evaluate(Session tx, Picked picked) {
    return tx.matrix(new MatrixQuery(
        List.of(new Selector(picked.pacticipant(), picked.version(), picked.version() == null, null, null, null, false)),
        List.of(), picked.environment() == null ? null : "cvp", false, null, picked.environment(), false, null, ROWS));
  }

  String canIDeploy(Picked picked) {
    String pacticipant = picked.pacticipant();
    String version = picked.version();
    String environment = picked.environment();
    String body = data.read(tx -> {
      StringBuilder out = new StringBuilder(form(tx, picked, true, "Ask"));
      if (pacticipant == null || environment == null) {
        return out.append("<p>Pick a pacticipant, a version and the environment to deploy it to.</p>").toString();
      }
      Matrix.Result result;
      try {
        result = evaluate(tx, picked);
      } catch (BrokerException e) {
        return out.append("<p id=\"answer\" class=\"failed\" role=\"alert\">").append(Html.text(e.getMessage())).append("</p>")
            .toString();
      }
      boolean yes = Boolean.TRUE.equals(result.deployable());
      out.append("<div id=\"answer\" class=\"").append(yes ? "ok" : "failed").append("\" role=\"status\"><p><strong>")
          .append(yes ? "Yes" : "No").append("</strong>, ").append(Html.text(pacticipant)).append(" ")
          .append(Html.text(version == null ? "(newest version)" : version)).append(yes ? " can" : " cannot")
          .append(" be deployed to ").append(Html.text(environment)).append(".</p><ul id=\"reasons\">");
      for (String reason : sentences(result.reason())) {
        out.append("<li>").append(Html.text(reason)).append("</li>");
      }
      out.append("</ul></div>");
      if (!result.notices().isEmpty()) {
        out.append("<h2>Notices</h2><ul id=\"notices\">");
        result.notices().stream().limit(NOTICES).forEach(n -> out.append("<li>").append(Html.text(n)).append("</li>"));
        if (result.notices().size() > NOTICES) {
          out.append("<li>and ").append(result.notices().size() - NOTICES).append(" more</li>");
        }
        out.append("</ul>");
      }
      return out.append(table(tx, result)).toString();
    });
    return Html.page("Can I deploy?", body);
  }

  /** The matrix's reason (its sentences joined by spaces) as one item per sentence. */
  static List<String> sentences(String reason) {
    return reason == null ? List.of() : Arrays.asList(reason.split("(?<=[.!?])\\s+(?=[A-Z])"));
  }

  /**
   * One row per pact and provider version: when a provider version verified the same pact more
   * than once, the verification that counts is kept (the newest live one, else the newest by schema).
   */
  static List<Matrix.Row> distinct(List<Matrix.Row> rows) {
    Map<String, Matrix.Row> byPair = new LinkedHashMap<>();
    for (Matrix.Row row : rows) {
      String key = row.pact().id() + "/" + (row.providerVersion() == null ? "-" : row.providerVersion().id());
      byPair.merge(key, row, (kept, other) -> counts(other.verification(), kept.verification()) ? other : kept);
    }
    return new ArrayList<>(byPair.values());
  }

  private static boolean counts(Verification candidate, Verification kept) {
    if (candidate == null) {
      return false;
    }
    if (kept == null) {
      return true;
    }
    boolean candidateLive = !Verification.SCHEMA.equals(candidate.kind());
    boolean keptLive = !Verification.SCHEMA.equals(kept.kind());
    return candidateLive != keptLive ? candidateLive : candidate.id() > kept.id();
  }

  private static String table(Session tx, Matrix.Result result) {
    List<Matrix.Row> all = distinct(result.rows());
    List<Matrix.Row> rows = all.subList(0, Math.min(ROWS, all.size()));
    if (rows.isEmpty()) {
      return "<p id=\"matrix\">No pact or verification matches.</p>";
    }
    Set<Long> ids = new LinkedHashSet<>();
    for (Matrix.Row row : rows) {
      ids.add(row.pact().consumerVersion().id());
      if (row.providerVersion() != null) {
        ids.add(row.providerVersion().id());
      }
    }
    Map<Long, List<String>> branches = tx.branches(ids);
    Map<Long, List<PageRows.Place>> places = tx.places(ids);
    StringBuilder table = new StringBuilder("<div class=\"scroll\"><table id=\"matrix\"><tr>"
        + "<th scope=\"col\">Consumer</th><th scope=\"col\">Version</th><th scope=\"col\">Branch</th><th scope=\"col\">Environments</th>"
        + "<th scope=\"col\">Provider</th><th scope=\"col\">Version</th><th scope=\"col\">Branch</th><th scope=\"col\">Environments</th>"
        + "<th scope=\"col\">Pact published</th><th scope=\"col\">Verification</th><th scope=\"col\">Verified</th></tr>");
    for (Matrix.Row row : rows) {
      Version consumer = row.pact().consumerVersion();
      Version provider = row.providerVersion();
      String css = row.success() == null ? "unknown" : row.success() ? "ok" : "failed";
      String label = row.verification() == null ? "not verified"
          : (row.success() ? "verified" : "failed") + (Verification.SCHEMA.equals(row.verification().kind()) ? " by schema" : "");
      table.append("<tr><td>").append(Html.pacticipantLink(consumer.pacticipant())).append("</td><td>")
          .append(Html.link(Html.pactHref(row.pact().provider(), consumer.pacticipant(), consumer.number()), consumer.number()))
          .append("</td>").append(sides(consumer, branches, places)).append("<td>").append(Html.pacticipantLink(row.pact().provider()))
          .append("</td>");
      if (provider == null) {
        table.append("<td></td><td></td><td></td>");
      } else {
        table.append("<td>").append(Html.versionLink(provider.pacticipant(), provider.number())).append("</td>")
            .append(sides(provider, branches, places));
      }
      table.append("<td>").append(Html.date(row.pact().createdAt())).append("</td><td class=\"").append(css).append("\">")
          .append(label).append(row.ignored() ? " (ignored)" : "").append("</td><td>")
          .append(row.verification() == null ? "" : Html.date(row.verification().createdAt())).append("</td></tr>");
    }
    table.append("</table></div>");
    if (all.size() > ROWS) {
      table.append("<p class=\"note\">The first ").append(ROWS).append(" of ").append(all.size())
          .append(" rows are shown: pick a version or an environment to narrow it.</p>");
    }
    return table.toString();
  }

  private static String sides(Version version, Map<Long, List<String>> branches, Map<Long, List<PageRows.Place>> places) {
    return "<td>" + Dashboard.branchLinks(version.pacticipant(), branches.getOrDefault(version.id(), List.of())) + "</td><td>"
        + Dashboard.placeLinks(places.getOrDefault(version.id(), List.of())) + "</td>";
  }
}

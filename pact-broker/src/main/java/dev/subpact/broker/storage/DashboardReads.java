package dev.subpact.broker.storage;

import static dev.subpact.broker.storage.Rows.VERSION_COLUMNS;
import static dev.subpact.broker.storage.Rows.VERSION_FROM;

import dev.subpact.broker.model.PageRows;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's own read queries. Each one is bounded (a page, a limit, or a set of ids the
 * page already holds) and fetches a whole page's data in one statement, never one per row, so a
 * broker holding 100k consumer versions renders every page in a handful of indexed queries.
 */
public final class DashboardReads {

  private static final String VERIFICATION_SELECT = "SELECT " + VERSION_COLUMNS
      + ", vr.id, vr.pact_sha, vr.success, vr.kind, vr.build_url, vr.created_at"
      + " FROM verifications vr JOIN versions v ON v.id = vr.provider_version_id JOIN pacticipants p ON p.id = v.pacticipant_id";

  private DashboardReads() {}

  /** A page of a pacticipant's versions, newest first ({@code limit + 1} asked, to know whether a next page exists). */
  public static List<Version> versions(Tx tx, String pacticipant, int limit, int offset) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ? ORDER BY v.id DESC LIMIT ? OFFSET ?",
        Rows::version, pacticipant, limit, offset);
  }

  public static List<Version> versionsOnBranch(Tx tx, String pacticipant, String branch, int limit, int offset)
      throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN branch_versions b ON b.version_id = v.id AND b.pacticipant_id = p.id"
            + " WHERE p.name = ? AND b.branch = ? ORDER BY v.id DESC LIMIT ? OFFSET ?",
        Rows::version, pacticipant, branch, limit, offset);
  }

  /** The branches of each of {@code versionIds}. */
  public static Map<Long, List<String>> branches(Tx tx, Collection<Long> versionIds) throws SQLException {
    Map<Long, List<String>> result = new LinkedHashMap<>();
    if (versionIds.isEmpty()) {
      return result;
    }
    for (Object[] row : tx.list("SELECT version_id, branch FROM branch_versions WHERE version_id IN ("
        + marks(versionIds.size()) + ") ORDER BY branch", r -> new Object[] {r.getLong(1), r.getString(2)}, versionIds.toArray())) {
      result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
    }
    return result;
  }

  /** Where each of {@code versionIds} is currently deployed or released. */
  public static Map<Long, List<PageRows.Place>> places(Tx tx, Collection<Long> versionIds) throws SQLException {
    Map<Long, List<PageRows.Place>> result = new LinkedHashMap<>();
    if (versionIds.isEmpty()) {
      return result;
    }
    String in = marks(versionIds.size());
    List<Object> args = new ArrayList<>(versionIds);
    args.addAll(versionIds);
    for (Object[] row : tx.list("SELECT d.version_id, e.name, e.production, 'deployed' FROM deployed_versions d"
            + " JOIN environments e ON e.uuid = d.environment_uuid WHERE d.currently_deployed = 1 AND d.version_id IN (" + in + ")"
            + " UNION SELECT r.version_id, e.name, e.production, 'released' FROM released_versions r"
            + " JOIN environments e ON e.uuid = r.environment_uuid WHERE r.currently_supported = 1 AND r.version_id IN (" + in + ")"
            + " ORDER BY 2, 4",
        r -> new Object[] {r.getLong(1), new PageRows.Place(r.getString(2), r.getInt(3) == 1, r.getString(4))}, args.toArray())) {
      result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((PageRows.Place) row[1]);
    }
    return result;
  }

  /** A page of the versions currently deployed or released in the environment (by pacticipant), with how they got there. */
  public static List<Object[]> inEnvironment(Tx tx, String environment, int limit, int offset) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + ", 'deployed', d.application_instance, d.created_at" + VERSION_FROM
            + "JOIN deployed_versions d ON d.version_id = v.id JOIN environments e ON e.uuid = d.environment_uuid"
            + " WHERE e.name = ? AND d.currently_deployed = 1"
            + " UNION ALL SELECT " + VERSION_COLUMNS + ", 'released', NULL, r.created_at" + VERSION_FROM
            + "JOIN released_versions r ON r.version_id = v.id JOIN environments e ON e.uuid = r.environment_uuid"
            + " WHERE e.name = ? AND r.currently_supported = 1 ORDER BY 3, 1 DESC LIMIT ? OFFSET ?",
        r -> new Object[] {Rows.version(r), r.getString(7), r.getString(8), r.getString(9)}, environment, environment, limit, offset);
  }

  /** {@link PageRows.Latest} of each pact content and provider, keyed by {@link PageRows#key}: two queries for the lot. */
  public static Map<String, PageRows.Latest> latest(Tx tx, Collection<Publication> pacts) throws SQLException {
    Map<String, PageRows.Latest> result = new LinkedHashMap<>();
    List<String> shas = pacts.stream().map(Publication::sha).distinct().toList();
    if (shas.isEmpty()) {
      return result;
    }
    Map<Long, Boolean> succeeded = new LinkedHashMap<>();
    for (Object[] row : tx.list("SELECT MAX(vr.id), MAX(vr.success) FROM verifications vr JOIN versions v ON v.id = vr.provider_version_id"
        + " WHERE vr.pact_sha IN (" + marks(shas.size()) + ") GROUP BY vr.pact_sha, v.pacticipant_id",
        r -> new Object[] {r.getLong(1), r.getInt(2) == 1}, shas.toArray())) {
      succeeded.put((Long) row[0], (Boolean) row[1]);
    }
    if (succeeded.isEmpty()) {
      return result;
    }
    for (Verification v : tx.list(VERIFICATION_SELECT + " WHERE vr.id IN (" + marks(succeeded.size()) + ")",
        DashboardReads::verification, succeeded.keySet().toArray())) {
      result.put(PageRows.key(v.sha(), v.providerVersion().pacticipantId()), new PageRows.Latest(v, succeeded.get(v.id())));
    }
    return result;
  }

  /** The latest {@code limit} verifications of a pact content by the provider, newest first. */
  public static List<Verification> verifications(Tx tx, String sha, String provider, int limit) throws SQLException {
    return tx.list(VERIFICATION_SELECT + " WHERE vr.pact_sha = ? AND p.name = ? ORDER BY vr.id DESC LIMIT ?",
        DashboardReads::verification, sha, provider, limit);
  }

  /** A verification without its test results (the dashboard never shows them). */
  private static Verification verification(ResultSet r) throws SQLException {
    return new Verification(r.getLong(7), r.getString(8), Rows.version(r), r.getInt(9) == 1, r.getString(10), r.getString(11), null,
        r.getString(12));
  }

  /**
   * The consumer versions in use (currently deployed or released somewhere, or the newest version
   * of their pacticipant's main branch) that have a pact with {@code provider} (every provider when
   * null): a set bounded by environments × applications, whatever the number of versions.
   */
  public static List<PageRows.InUse> inUse(Tx tx, String provider) throws SQLException {
    List<Long> heads = tx.list("SELECT (SELECT MAX(b.version_id) FROM branch_versions b"
        + " WHERE b.pacticipant_id = p.id AND b.branch = p.main_branch) FROM pacticipants p WHERE p.main_branch IS NOT NULL",
        r -> r.getObject(1) == null ? null : r.getLong(1));
    heads.removeIf(java.util.Objects::isNull);
    List<Long> ids = new ArrayList<>(heads);
    ids.addAll(tx.list("SELECT version_id FROM deployed_versions WHERE currently_deployed = 1"
        + " UNION SELECT version_id FROM released_versions WHERE currently_supported = 1", r -> r.getLong(1)));
    List<Long> distinct = ids.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(distinct);
    args.add(provider);
    args.add(provider);
    List<Object[]> rows = tx.list("SELECT " + VERSION_COLUMNS + ", pr.name, pp.pact_sha FROM pact_publications pp"
            + " JOIN versions v ON v.id = pp.consumer_version_id JOIN pacticipants p ON p.id = v.pacticipant_id"
            + " JOIN pacticipants pr ON pr.id = pp.provider_id WHERE pp.consumer_version_id IN (" + marks(distinct.size()) + ")"
            + " AND (CAST(? AS TEXT) IS NULL OR pr.name = ?) ORDER BY p.name, v.id DESC, pr.name",
        r -> new Object[] {Rows.version(r), r.getString(7), r.getString(8)}, args.toArray());
    Map<Long, List<PageRows.Place>> places = places(tx, distinct);
    List<PageRows.InUse> result = new ArrayList<>();
    for (Object[] row : rows) {
      Version v = (Version) row[0];
      result.add(new PageRows.InUse(v, (String) row[1], (String) row[2], places.getOrDefault(v.id(), List.of()), heads.contains(v.id())));
    }
    return result;
  }

  /** The schema coordinates each pact content uses, and by which interaction: sha → [coordinate, interaction]. */
  public static Map<String, List<String[]>> fieldUsages(Tx tx, Collection<String> shas) throws SQLException {
    Map<String, List<String[]>> result = new LinkedHashMap<>();
    if (shas.isEmpty()) {
      return result;
    }
    for (String[] row : tx.list("SELECT pact_sha, coordinate, interaction FROM field_usages WHERE pact_sha IN ("
        + marks(shas.size()) + ") ORDER BY coordinate, interaction",
        r -> new String[] {r.getString(1), r.getString(2), r.getString(3)}, shas.toArray())) {
      result.computeIfAbsent(row[0], k -> new ArrayList<>()).add(new String[] {row[1], row[2]});
    }
    return result;
  }

  /** Every coordinate some contract uses (for the field-usage picker), at most {@code limit}. */
  public static List<String> coordinates(Tx tx, int limit) throws SQLException {
    return tx.list("SELECT DISTINCT coordinate FROM field_usages ORDER BY coordinate LIMIT ?", r -> r.getString(1), limit);
  }

  /** Providers with a published GraphQL schema. */
  public static List<String> graphqlProviders(Tx tx) throws SQLException {
    return tx.list("SELECT DISTINCT p.name FROM graphql_schemas s JOIN versions v ON v.id = s.version_id"
        + " JOIN pacticipants p ON p.id = v.pacticipant_id ORDER BY p.name", r -> r.getString(1));
  }

  /** The newest {@code limit} consumer versions with a pact with the provider, and that pact's sha. */
  public static List<Object[]> recentConsumerVersions(Tx tx, String provider, int limit) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + ", pp.pact_sha FROM pact_publications pp"
            + " JOIN versions v ON v.id = pp.consumer_version_id JOIN pacticipants p ON p.id = v.pacticipant_id"
            + " WHERE pp.provider_id = (SELECT id FROM pacticipants WHERE name = ?) ORDER BY pp.consumer_version_id DESC LIMIT ?",
        r -> new Object[] {Rows.version(r), r.getString(7)}, provider, limit);
  }

  /** The newest {@code limit} builds of the provider that verified something. */
  public static List<Version> recentProviderBuilds(Tx tx, String provider, int limit) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ?"
            + " AND EXISTS (SELECT 1 FROM verifications vr WHERE vr.provider_version_id = v.id) ORDER BY v.id DESC LIMIT ?",
        Rows::version, provider, limit);
  }

  /** The verdicts of the builds on the contents, oldest first (so the last one of a pair wins). */
  public static List<PageRows.Verdict> verdicts(Tx tx, Collection<String> shas, Collection<Long> providerVersionIds) throws SQLException {
    if (shas.isEmpty() || providerVersionIds.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(shas);
    args.addAll(providerVersionIds);
    return tx.list("SELECT pact_sha, provider_version_id, success, kind FROM verifications WHERE pact_sha IN ("
            + marks(shas.size()) + ") AND provider_version_id IN (" + marks(providerVersionIds.size()) + ") ORDER BY id",
        r -> new PageRows.Verdict(r.getString(1), r.getLong(2), r.getInt(3) == 1, r.getString(4)), args.toArray());
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}

package dev.subpact.broker.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All reads and writes of the broker's data, each inside a caller's transaction. Every value is
 * bound as a parameter, so names are stored exactly as given (slashes, quotes, unicode).
 */
public final class BrokerRepository {

  private static final String VERSION_COLUMNS =
      "v.id, v.pacticipant_id, p.name, v.number, v.build_url, v.created_at";
  private static final String VERSION_FROM =
      " FROM versions v JOIN pacticipants p ON p.id = v.pacticipant_id ";
  private static final String PUBLICATION_SELECT = "SELECT " + VERSION_COLUMNS
      + ", pp.id, pp.provider_id, pr.name, pp.pact_sha, pp.created_at"
      + " FROM pact_publications pp JOIN versions v ON v.id = pp.consumer_version_id"
      + " JOIN pacticipants p ON p.id = v.pacticipant_id"
      + " JOIN pacticipants pr ON pr.id = pp.provider_id ";
  private static final String VERIFICATION_SELECT = "SELECT " + VERSION_COLUMNS
      + ", vr.id, vr.pact_sha, vr.success, vr.kind, vr.build_url, vr.test_results, vr.created_at"
      + " FROM verifications vr JOIN versions v ON v.id = vr.provider_version_id"
      + " JOIN pacticipants p ON p.id = v.pacticipant_id ";
  private static final String DEPLOYMENT_COLUMNS = VERSION_COLUMNS
      + ", e.uuid, e.name, e.display_name, e.production, e.contacts, e.created_at";

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  // ---------------------------------------------------------------- pacticipants

  public Optional<Pacticipant> pacticipant(Tx tx, String name) throws SQLException {
    return tx.one("SELECT id, name, display_name, repository_url, main_branch, created_at, updated_at"
        + " FROM pacticipants WHERE name = ?", BrokerRepository::pacticipant, name);
  }

  public List<Pacticipant> pacticipants(Tx tx) throws SQLException {
    return tx.list("SELECT id, name, display_name, repository_url, main_branch, created_at, updated_at"
        + " FROM pacticipants ORDER BY name", BrokerRepository::pacticipant);
  }

  /** Returns the pacticipant, creating it when missing (safe under concurrent callers). */
  public Pacticipant ensurePacticipant(Tx tx, String name) throws SQLException {
    Names.check("pacticipant name", name);
    String now = now();
    tx.update("INSERT INTO pacticipants (name, created_at, updated_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (name) DO NOTHING", name, now, now);
    return pacticipant(tx, name).orElseThrow();
  }

  public Pacticipant updatePacticipant(Tx tx, String name, String displayName,
      String repositoryUrl, String mainBranch) throws SQLException {
    Names.check("display name", displayName);
    Names.check("main branch", mainBranch);
    Pacticipant existing = ensurePacticipant(tx, name);
    tx.update("UPDATE pacticipants SET display_name = ?, repository_url = ?, main_branch = ?,"
            + " updated_at = ? WHERE id = ?",
        displayName == null ? existing.displayName() : displayName,
        repositoryUrl == null ? existing.repositoryUrl() : repositoryUrl,
        mainBranch == null ? existing.mainBranch() : mainBranch, now(), existing.id());
    return pacticipant(tx, name).orElseThrow();
  }

  public void deletePacticipant(Tx tx, Pacticipant pacticipant) throws SQLException {
    long id = pacticipant.id();
    String versions = "(SELECT id FROM versions WHERE pacticipant_id = ?)";
    tx.update("DELETE FROM tags WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM branch_versions WHERE pacticipant_id = ?", id);
    tx.update("DELETE FROM deployed_versions WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM released_versions WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM verifications WHERE provider_version_id IN " + versions, id);
    tx.update("DELETE FROM graphql_schemas WHERE version_id IN " + versions, id);
    tx.update("DELETE FROM pact_publications WHERE provider_id = ? OR consumer_id = ?", id, id);
    tx.update("DELETE FROM versions WHERE pacticipant_id = ?", id);
    tx.update("DELETE FROM pacticipants WHERE id = ?", id);
  }

  // ---------------------------------------------------------------- versions, branches, tags

  public Optional<Version> version(Tx tx, String pacticipant, String number) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ? AND v.number = ?",
        BrokerRepository::version, pacticipant, number);
  }

  public Version ensureVersion(Tx tx, String pacticipant, String number, String buildUrl)
      throws SQLException {
    Names.check("version number", number);
    Pacticipant owner = ensurePacticipant(tx, pacticipant);
    tx.update("INSERT INTO versions (pacticipant_id, number, build_url, created_at) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT (pacticipant_id, number) DO NOTHING", owner.id(), number, buildUrl, now());
    if (buildUrl != null) {
      tx.update("UPDATE versions SET build_url = ? WHERE pacticipant_id = ? AND number = ?",
          buildUrl, owner.id(), number);
    }
    return version(tx, pacticipant, number).orElseThrow();
  }

  public List<Version> versions(Tx tx, String pacticipant) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM + "WHERE p.name = ? ORDER BY v.id DESC",
        BrokerRepository::version, pacticipant);
  }

  public Optional<Version> latestVersion(Tx tx, String pacticipant) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
        + "WHERE p.name = ? ORDER BY v.id DESC LIMIT 1", BrokerRepository::version, pacticipant);
  }

  public Optional<Version> latestVersionWithTag(Tx tx, String pacticipant, String tag)
      throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN tags t ON t.version_id = v.id WHERE p.name = ? AND t.name = ? ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::version, pacticipant, tag);
  }

  public List<Version> versionsWithTag(Tx tx, String pacticipant, String tag) throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN tags t ON t.version_id = v.id WHERE p.name = ? AND t.name = ? ORDER BY v.id DESC",
        BrokerRepository::version, pacticipant, tag);
  }

  public Optional<Version> latestVersionOnBranch(Tx tx, String pacticipant, String branch)
      throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN branch_versions b ON b.version_id = v.id WHERE p.name = ? AND b.branch = ?"
            + " ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::version, pacticipant, branch);
  }

  public List<Version> versionsOnBranch(Tx tx, String pacticipant, String branch)
      throws SQLException {
    return tx.list("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN branch_versions b ON b.version_id = v.id WHERE p.name = ? AND b.branch = ?"
            + " ORDER BY v.id DESC",
        BrokerRepository::version, pacticipant, branch);
  }

  /** Adds a tag; returns false when the version already had it. */
  public boolean tag(Tx tx, Version version, String tag) throws SQLException {
    Names.check("tag", tag);
    return tx.update("INSERT INTO tags (version_id, name, created_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (version_id, name) DO NOTHING", version.id(), tag, now()) == 1;
  }

  public boolean deleteTag(Tx tx, Version version, String tag) throws SQLException {
    return tx.update("DELETE FROM tags WHERE version_id = ? AND name = ?", version.id(), tag) == 1;
  }

  public List<String> tags(Tx tx, Version version) throws SQLException {
    return tx.list("SELECT name FROM tags WHERE version_id = ? ORDER BY created_at, name",
        row -> row.getString(1), version.id());
  }

  /** The branch names taken as a pacticipant's main branch when none is set (the official broker's defaults). */
  static final List<String> MAIN_BRANCH_CANDIDATES = List.of("develop", "main", "master");

  /**
   * Puts the version on the branch; returns false when it already was. Like the official broker
   * (auto_detect_main_branch), the first of develop, main or master a pacticipant's versions land
   * on becomes its main branch when it has none, so {@code mainBranch} selectors work without setup.
   */
  public boolean addToBranch(Tx tx, Version version, String branch) throws SQLException {
    Names.check("branch", branch);
    boolean added = tx.update("INSERT INTO branch_versions (pacticipant_id, branch, version_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (pacticipant_id, branch, version_id) DO NOTHING",
        version.pacticipantId(), branch, version.id(), now()) == 1;
    if (added && MAIN_BRANCH_CANDIDATES.contains(branch)) {
      tx.update("UPDATE pacticipants SET main_branch = ?, updated_at = ? WHERE id = ? AND main_branch IS NULL",
          branch, now(), version.pacticipantId());
    }
    return added;
  }

  public List<String> branchesOf(Tx tx, Version version) throws SQLException {
    return tx.list("SELECT branch FROM branch_versions WHERE version_id = ? ORDER BY created_at, branch",
        row -> row.getString(1), version.id());
  }

  public List<String> branches(Tx tx, Pacticipant pacticipant) throws SQLException {
    return tx.list("SELECT branch FROM branch_versions WHERE pacticipant_id = ?"
        + " GROUP BY branch ORDER BY MAX(version_id) DESC", row -> row.getString(1), pacticipant.id());
  }

  public boolean deleteBranch(Tx tx, Pacticipant pacticipant, String branch) throws SQLException {
    return tx.update("DELETE FROM branch_versions WHERE pacticipant_id = ? AND branch = ?",
        pacticipant.id(), branch) > 0;
  }

  // ---------------------------------------------------------------- pacts

  public Optional<String> pactContent(Tx tx, String sha) throws SQLException {
    return tx.one("SELECT content FROM pact_contents WHERE sha = ?", row -> row.getString(1), sha);
  }

  /** Stores content once per sha, then points the (consumer version, provider) pact at it. */
  public Publication publish(Tx tx, Version consumerVersion, Pacticipant provider, String sha,
      String canonicalContent) throws SQLException {
    String now = now();
    tx.update("INSERT INTO pact_contents (sha, content, created_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (sha) DO NOTHING", sha, canonicalContent, now);
    int updated = tx.update("UPDATE pact_publications SET pact_sha = ?, created_at = ?"
            + " WHERE consumer_version_id = ? AND provider_id = ?",
        sha, now, consumerVersion.id(), provider.id());
    if (updated == 0) {
      tx.update("INSERT INTO pact_publications (consumer_version_id, provider_id, consumer_id,"
              + " pact_sha, created_at) VALUES (?, ?, ?, ?, ?)"
              + " ON CONFLICT (consumer_version_id, provider_id) DO UPDATE SET pact_sha = excluded.pact_sha",
          consumerVersion.id(), provider.id(), consumerVersion.pacticipantId(), sha, now);
    }
    return publication(tx, consumerVersion, provider.name()).orElseThrow();
  }

  public Optional<Publication> publication(Tx tx, Version consumerVersion, String provider)
      throws SQLException {
    return tx.one(PUBLICATION_SELECT + "WHERE v.id = ? AND pr.name = ?",
        BrokerRepository::publication, consumerVersion.id(), provider);
  }

  public Optional<Publication> publicationBySha(Tx tx, String provider, String consumer, String sha)
      throws SQLException {
    return tx.one(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? AND pp.pact_sha = ?"
        + " ORDER BY v.id DESC LIMIT 1", BrokerRepository::publication, provider, consumer, sha);
  }

  /** Publications of one consumer with one provider, newest consumer version first. */
  public List<Publication> publications(Tx tx, String provider, String consumer)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? ORDER BY v.id DESC",
        BrokerRepository::publication, provider, consumer);
  }

  /** Every publication for a provider, newest consumer version first. */
  public List<Publication> publicationsForProvider(Tx tx, String provider) throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE pr.name = ? ORDER BY v.id DESC",
        BrokerRepository::publication, provider);
  }

  /** Every publication of a consumer version (one per provider). */
  public List<Publication> publicationsOf(Tx tx, Version consumerVersion) throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE v.id = ? ORDER BY pr.name",
        BrokerRepository::publication, consumerVersion.id());
  }

  /**
   * The newest publication id of every consumer/provider pair: a loose index scan that jumps from
   * one (provider, consumer) pair to the next instead of reading every publication.
   */
  private static final String LATEST_OF_EVERY_PAIR = "WITH RECURSIVE pairs(id) AS ("
      + "SELECT (SELECT id FROM pact_publications ORDER BY provider_id, consumer_id LIMIT 1)"
      + " UNION ALL SELECT (SELECT n.id FROM pact_publications n"
      + " WHERE (n.provider_id, n.consumer_id) > (h.provider_id, h.consumer_id)"
      + " ORDER BY n.provider_id, n.consumer_id LIMIT 1) FROM pairs JOIN pact_publications h ON h.id = pairs.id)"
      + " SELECT (SELECT pp2.id FROM pact_publications pp2 WHERE pp2.provider_id = h.provider_id"
      + " AND pp2.consumer_id = h.consumer_id ORDER BY pp2.consumer_version_id DESC LIMIT 1)"
      + " FROM pairs JOIN pact_publications h ON h.id = pairs.id";

  /** The latest publication of every consumer/provider pair. */
  public List<Publication> latestPublications(Tx tx) throws SQLException {
    return publicationsWithIds(tx, tx.list(LATEST_OF_EVERY_PAIR, row -> row.getLong(1)), "ORDER BY p.name, pr.name");
  }

  /** One page of {@link #latestPublications}: {@code limit} pairs from {@code offset}. */
  public List<Publication> latestPublications(Tx tx, int offset, int limit) throws SQLException {
    return publicationsWithIds(tx, tx.list(LATEST_OF_EVERY_PAIR, row -> row.getLong(1)),
        "ORDER BY p.name, pr.name LIMIT ? OFFSET ?", limit, offset);
  }

  /**
   * The publications with these ids, in {@code order} (which may end in parameters). Ids are looked
   * up as a literal list: as a subquery the planner joins every publication to find them.
   */
  private List<Publication> publicationsWithIds(Tx tx, List<Long> ids, String order, Object... orderArgs)
      throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(ids);
    args.addAll(Arrays.asList(orderArgs));
    return tx.list(PUBLICATION_SELECT + "WHERE pp.id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
        + ") " + order, BrokerRepository::publication, args.toArray());
  }

  /** The ids of the provider's consumers: a loose index scan over the provider's publications. */
  private static final String CONSUMERS_OF_PROVIDER = "WITH RECURSIVE consumers(id) AS ("
      + "SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = ?"
      + " UNION ALL SELECT (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = ? AND consumer_id > consumers.id)"
      + " FROM consumers WHERE consumers.id IS NOT NULL) ";

  public Optional<Publication> latestPublication(Tx tx, String provider, String consumer)
      throws SQLException {
    return tx.one(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::publication, provider, consumer);
  }

  public Optional<Publication> latestPublicationWithTag(Tx tx, String provider, String consumer,
      String tag) throws SQLException {
    return tx.one(PUBLICATION_SELECT + "JOIN tags t ON t.version_id = v.id"
            + " WHERE pr.name = ? AND p.name = ? AND t.name = ? ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::publication, provider, consumer, tag);
  }

  public Optional<Publication> latestPublicationOnBranch(Tx tx, String provider, String consumer,
      String branch) throws SQLException {
    return tx.one(PUBLICATION_SELECT + "JOIN branch_versions b ON b.version_id = v.id"
            + " WHERE pr.name = ? AND p.name = ? AND b.branch = ? ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::publication, provider, consumer, branch);
  }

  public List<Publication> publicationsWithTag(Tx tx, String provider, String tag)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "JOIN tags t ON t.version_id = v.id"
        + " WHERE pr.name = ? AND t.name = ? ORDER BY v.id DESC", BrokerRepository::publication,
        provider, tag);
  }

  public List<Publication> publicationsOnBranch(Tx tx, String provider, String branch)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "JOIN branch_versions b ON b.version_id = v.id"
        + " WHERE pr.name = ? AND b.branch = ? ORDER BY v.id DESC", BrokerRepository::publication,
        provider, branch);
  }

  private static final String PROVIDER_ID = "(SELECT id FROM pacticipants WHERE name = ?)";

  /** The latest pact of every consumer from that consumer's main branch. */
  public List<Publication> latestPublicationsOnMainBranches(Tx tx, String provider) throws SQLException {
    return latestPublicationsOn(tx, provider, "c.main_branch");
  }

  /** The latest pact of every consumer from the named branch. */
  public List<Publication> latestPublicationsOnBranch(Tx tx, String provider, String branch) throws SQLException {
    return latestPublicationsOn(tx, provider, "?", branch);
  }

  /**
   * Per consumer of the provider, its newest version on the branch ({@code branchSql}: a column of
   * the consumer {@code c} or a parameter) that has a pact with the provider: a backward walk of
   * that branch's index, stopping at the first pact, instead of grouping every publication.
   */
  private List<Publication> latestPublicationsOn(Tx tx, String provider, String branchSql, Object... branch)
      throws SQLException {
    Optional<Pacticipant> owner = pacticipant(tx, provider);
    if (owner.isEmpty()) {
      return List.of();
    }
    long id = owner.get().id();
    List<Object> args = new ArrayList<>(List.of(id, id, id));
    args.addAll(Arrays.asList(branch));
    List<Long> ids = tx.list(CONSUMERS_OF_PROVIDER + "SELECT (SELECT pp2.id FROM branch_versions b"
            + " JOIN pact_publications pp2 ON pp2.consumer_version_id = b.version_id AND pp2.provider_id = ?"
            + " WHERE b.pacticipant_id = c.id AND b.branch = " + branchSql + " ORDER BY b.version_id DESC LIMIT 1)"
            + " FROM consumers JOIN pacticipants c ON c.id = consumers.id",
        row -> row.getObject(1) == null ? null : row.getLong(1), args.toArray());
    ids.removeIf(java.util.Objects::isNull);
    return publicationsWithIds(tx, ids, "ORDER BY p.name");
  }

  /**
   * Pacts of consumer versions currently deployed and/or released (in one environment, or any), for
   * a provider, oldest consumer version first.
   */
  public List<Publication> publicationsInEnvironments(Tx tx, String provider, String environmentUuid,
      boolean deployed, boolean released) throws SQLException {
    List<String> places = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    args.add(provider);
    String environment = environmentUuid == null ? "" : " AND environment_uuid = ?";
    if (deployed) {
      places.add("SELECT version_id FROM deployed_versions WHERE currently_deployed = 1" + environment);
      if (environmentUuid != null) {
        args.add(environmentUuid);
      }
    }
    if (released) {
      places.add("SELECT version_id FROM released_versions WHERE currently_supported = 1" + environment);
      if (environmentUuid != null) {
        args.add(environmentUuid);
      }
    }
    if (places.isEmpty()) {
      return List.of();
    }
    return tx.list(PUBLICATION_SELECT + "WHERE pp.provider_id = " + PROVIDER_ID + " AND pp.consumer_version_id IN ("
        + String.join(" UNION ", places) + ") ORDER BY v.id", BrokerRepository::publication, args.toArray());
  }

  /**
   * Of {@code shas}, those a live verification by the provider succeeded for: on a provider
   * version on {@code branch}, or with one of {@code tags}, or (neither given) by any version.
   */
  public java.util.Set<String> successfullyVerified(Tx tx, java.util.Collection<String> shas, String provider,
      String branch, List<String> tags) throws SQLException {
    String versions;
    List<Object> versionArgs = new ArrayList<>(List.of(provider));
    if (branch != null) {
      versions = "SELECT version_id FROM branch_versions WHERE pacticipant_id = " + PROVIDER_ID + " AND branch = ?";
      versionArgs.add(branch);
    } else if (!tags.isEmpty()) {
      versions = "SELECT t.version_id FROM tags t JOIN versions v ON v.id = t.version_id WHERE v.pacticipant_id = "
          + PROVIDER_ID + " AND t.name IN (" + String.join(", ", java.util.Collections.nCopies(tags.size(), "?")) + ")";
      versionArgs.addAll(tags);
    } else {
      versions = "SELECT id FROM versions WHERE pacticipant_id = " + PROVIDER_ID;
    }
    java.util.Set<String> verified = new java.util.HashSet<>();
    List<String> all = new ArrayList<>(shas);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      List<Object> args = new ArrayList<>(chunk);
      args.addAll(versionArgs);
      // The provider versions that count are a subquery: the database answers one row per verified
      // content instead of sending back every verification of every content.
      verified.addAll(tx.list("SELECT DISTINCT pact_sha FROM verifications WHERE pact_sha IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND success = 1 AND kind = 'live'"
              + " AND provider_version_id IN (" + versions + ")",
          row -> row.getString(1), args.toArray()));
    }
    return verified;
  }

  /** Of one pact content's verifications by a provider: the newest, and whether any succeeded. */
  public record VerificationStatus(Verification latest, boolean everSucceeded) {}

  /**
   * Per content of {@code shas} verified by {@code provider}: its newest verification and whether one
   * ever succeeded. Two queries for a whole page instead of every verification of every content.
   */
  public java.util.Map<String, VerificationStatus> verificationStatuses(Tx tx, java.util.Collection<String> shas,
      String provider) throws SQLException {
    java.util.Map<String, VerificationStatus> result = new java.util.HashMap<>();
    List<String> all = new ArrayList<>(shas);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      List<Object> args = new ArrayList<>(chunk);
      args.add(provider);
      java.util.Map<Long, Boolean> newest = new java.util.HashMap<>();
      tx.list("SELECT MAX(vr.id), MAX(vr.success) FROM verifications vr JOIN versions v ON v.id = vr.provider_version_id"
              + " WHERE vr.pact_sha IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")"
              + " AND v.pacticipant_id = " + PROVIDER_ID + " GROUP BY vr.pact_sha",
          row -> newest.put(row.getLong(1), row.getInt(2) == 1), args.toArray());
      if (newest.isEmpty()) {
        continue;
      }
      for (Verification latest : tx.list(VERIFICATION_SELECT + "WHERE vr.id IN ("
          + String.join(", ", java.util.Collections.nCopies(newest.size(), "?")) + ")",
          BrokerRepository::verification, newest.keySet().toArray())) {
        result.put(latest.sha(), new VerificationStatus(latest, newest.get(latest.id())));
      }
    }
    return result;
  }

  /** A pact with one verification of its content. */
  public record VerifiedPublication(Publication pact, Verification verification) {}

  /**
   * Every pact for {@code provider} with each verification of its content by one of
   * {@code providerVersionIds}: newest consumer version first, then newest verification first.
   * One query per 500 provider versions instead of one per publication.
   */
  public List<VerifiedPublication> verifiedPublications(Tx tx, String provider, List<Long> providerVersionIds)
      throws SQLException {
    List<VerifiedPublication> result = new ArrayList<>();
    for (int from = 0; from < providerVersionIds.size(); from += 500) {
      List<Long> chunk = providerVersionIds.subList(from, Math.min(providerVersionIds.size(), from + 500));
      List<Object> args = new ArrayList<>(chunk);
      args.add(provider);
      result.addAll(tx.list(PUBLICATION_SELECT.replace(" FROM pact_publications pp ",
              ", pv.id, pv.pacticipant_id, pvp.name, pv.number, pv.build_url, pv.created_at, vr.id, vr.pact_sha,"
              + " vr.success, vr.kind, vr.build_url, vr.test_results, vr.created_at FROM pact_publications pp ")
              + "JOIN verifications vr ON vr.pact_sha = pp.pact_sha JOIN versions pv ON pv.id = vr.provider_version_id"
              + " JOIN pacticipants pvp ON pvp.id = pv.pacticipant_id WHERE vr.provider_version_id IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND pr.name = ?"
              + " AND pvp.id = pr.id",
          row -> new VerifiedPublication(publication(row), verification(row, 12)), args.toArray()));
    }
    result.sort(java.util.Comparator.comparingLong((VerifiedPublication r) -> -r.pact().consumerVersion().id())
        .thenComparingLong(r -> -r.verification().id()));
    return result;
  }

  /** Every verification one provider version made, newest first. */
  public List<Verification> verificationsBy(Tx tx, Version providerVersion) throws SQLException {
    return tx.list(VERIFICATION_SELECT + "WHERE vr.provider_version_id = ? ORDER BY vr.id DESC",
        BrokerRepository::verification, providerVersion.id());
  }

  /** Consumer names with at least one pact for the provider. */
  public List<String> consumersOf(Tx tx, String provider) throws SQLException {
    Optional<Pacticipant> owner = pacticipant(tx, provider);
    if (owner.isEmpty()) {
      return List.of();
    }
    return tx.list(CONSUMERS_OF_PROVIDER + "SELECT c.name FROM consumers JOIN pacticipants c ON c.id = consumers.id"
        + " ORDER BY c.name", row -> row.getString(1), owner.get().id(), owner.get().id());
  }

  /**
   * The pact for {@code provider} of each of its consumers' target version, consumers by name: the
   * newest version with {@code tag} when given, else the newest on the consumer's main branch when
   * {@code mainBranch}, else the newest version; a consumer whose target version has no pact for
   * the provider is left out. One query for every consumer instead of two or three per consumer.
   */
  public List<Publication> consumerTargetPublications(Tx tx, String provider, String tag, boolean mainBranch)
      throws SQLException {
    Optional<Pacticipant> owner = pacticipant(tx, provider);
    if (owner.isEmpty()) {
      return List.of();
    }
    long id = owner.get().id();
    String target = tag != null
        ? "SELECT MAX(x.id) FROM versions x JOIN tags t ON t.version_id = x.id WHERE x.pacticipant_id = c.id AND t.name = ?"
        : mainBranch
        ? "SELECT MAX(x.id) FROM versions x JOIN branch_versions b ON b.version_id = x.id"
            + " WHERE x.pacticipant_id = c.id AND b.branch = c.main_branch"
        // "+ 0": a bare MAX(id) lets PostgreSQL walk the primary key backwards past every newer
        // version of other pacticipants (15 s for 1,000 consumers); this reads the consumer's own rows
        : "SELECT MAX(x.id + 0) FROM versions x WHERE x.pacticipant_id = c.id";
    List<Object> args = new ArrayList<>(List.of(id, id));
    if (tag != null) {
      args.add(tag);
    }
    args.add(id);
    return tx.list(CONSUMERS_OF_PROVIDER + PUBLICATION_SELECT + "WHERE pp.consumer_version_id IN (SELECT (" + target
            + ") FROM consumers JOIN pacticipants c ON c.id = consumers.id) AND pp.provider_id = ? ORDER BY p.name",
        BrokerRepository::publication, args.toArray());
  }

  /**
   * The heads a provider's work-in-progress pacts come from: per consumer, the newest version with
   * a pact for the provider on each branch and with each tag; newest consumer version first.
   */
  public List<Publication> latestPublicationsOfEveryBranchAndTag(Tx tx, String provider) throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE pr.name = ? AND pp.consumer_version_id IN ("
            + "SELECT MAX(pp2.consumer_version_id) FROM pact_publications pp2 JOIN branch_versions b"
            + " ON b.version_id = pp2.consumer_version_id WHERE pp2.provider_id = " + PROVIDER_ID
            + " GROUP BY b.pacticipant_id, b.branch"
            + " UNION SELECT MAX(pp2.consumer_version_id) FROM pact_publications pp2 JOIN tags t"
            + " ON t.version_id = pp2.consumer_version_id WHERE pp2.provider_id = " + PROVIDER_ID
            + " GROUP BY pp2.consumer_id, t.name) ORDER BY v.id DESC",
        BrokerRepository::publication, provider, provider, provider);
  }

  public long countPublications(Tx tx) throws SQLException {
    return tx.one("SELECT COUNT(*) FROM pact_publications", row -> row.getLong(1)).orElse(0L);
  }

  public boolean deletePublication(Tx tx, Publication publication) throws SQLException {
    return tx.update("DELETE FROM pact_publications WHERE id = ?", publication.id()) == 1;
  }

  // ---------------------------------------------------------------- verifications

  public Verification addVerification(Tx tx, String sha, Version providerVersion, boolean success,
      String kind, String buildUrl, String testResults) throws SQLException {
    long id = tx.insertReturningId("INSERT INTO verifications (pact_sha, provider_version_id, success,"
            + " kind, build_url, test_results, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sha, providerVersion.id(), success ? 1 : 0, kind, buildUrl, testResults, now());
    return verification(tx, id).orElseThrow();
  }

  public Optional<Verification> verification(Tx tx, long id) throws SQLException {
    return tx.one(VERIFICATION_SELECT + "WHERE vr.id = ?", BrokerRepository::verification, id);
  }

  /** Verifications of a pact content by versions of the provider, newest first. */
  public List<Verification> verificationsOf(Tx tx, String sha, String provider) throws SQLException {
    return tx.list(VERIFICATION_SELECT + "WHERE vr.pact_sha = ? AND p.name = ? ORDER BY vr.id DESC",
        BrokerRepository::verification, sha, provider);
  }

  // ---------------------------------------------------------------- environments, deployments

  public Environment createEnvironment(Tx tx, String uuid, String name, String displayName,
      boolean production, String contacts) throws SQLException {
    Names.check("environment name", name);
    Names.check("environment display name", displayName);
    tx.update("INSERT INTO environments (uuid, name, display_name, production, contacts, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", uuid, name, displayName, production ? 1 : 0, contacts, now());
    return environment(tx, uuid).orElseThrow();
  }

  public Environment updateEnvironment(Tx tx, String uuid, String name, String displayName,
      boolean production, String contacts) throws SQLException {
    Names.check("environment name", name);
    Names.check("environment display name", displayName);
    tx.update("UPDATE environments SET name = ?, display_name = ?, production = ?, contacts = ?"
        + " WHERE uuid = ?", name, displayName, production ? 1 : 0, contacts, uuid);
    return environment(tx, uuid).orElseThrow();
  }

  public Optional<Environment> environment(Tx tx, String uuid) throws SQLException {
    return tx.one("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " WHERE uuid = ?", row -> environment(row, 1), uuid);
  }

  public Optional<Environment> environmentNamed(Tx tx, String name) throws SQLException {
    return tx.one("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " WHERE name = ?", row -> environment(row, 1), name);
  }

  public List<Environment> environments(Tx tx) throws SQLException {
    return tx.list("SELECT uuid, name, display_name, production, contacts, created_at FROM environments"
        + " ORDER BY name", row -> environment(row, 1));
  }

  public boolean deleteEnvironment(Tx tx, String uuid) throws SQLException {
    tx.update("DELETE FROM deployed_versions WHERE environment_uuid = ?", uuid);
    tx.update("DELETE FROM released_versions WHERE environment_uuid = ?", uuid);
    return tx.update("DELETE FROM environments WHERE uuid = ?", uuid) == 1;
  }

  /**
   * Records a deployment. A previous deployment of the same pacticipant to the same environment and
   * application instance is marked as no longer deployed (it was replaced).
   */
  public Deployment recordDeployment(Tx tx, Version version, Environment environment,
      String applicationInstance) throws SQLException {
    String now = now();
    tx.update("UPDATE deployed_versions SET currently_deployed = 0, undeployed_at = ?"
            + " WHERE environment_uuid = ? AND currently_deployed = 1"
            + " AND version_id IN (SELECT id FROM versions WHERE pacticipant_id = ?)"
            + " AND COALESCE(application_instance, '') = ?",
        now, environment.uuid(), version.pacticipantId(),
        applicationInstance == null ? "" : applicationInstance);
    String uuid = UUID.randomUUID().toString();
    tx.update("INSERT INTO deployed_versions (uuid, version_id, environment_uuid, application_instance,"
            + " currently_deployed, created_at) VALUES (?, ?, ?, ?, 1, ?)",
        uuid, version.id(), environment.uuid(), applicationInstance, now);
    return deployment(tx, uuid).orElseThrow();
  }

  /** Deployed (or, below, released) versions with their version, pacticipant and environment. */
  private static final String DEPLOYED_FROM = "SELECT " + DEPLOYMENT_COLUMNS + ", d.uuid, d.application_instance,"
      + " d.currently_deployed, d.created_at, d.undeployed_at" + VERSION_FROM
      + "JOIN deployed_versions d ON d.version_id = v.id"
      + " JOIN environments e ON e.uuid = d.environment_uuid";

  private static final String RELEASED_FROM = "SELECT " + DEPLOYMENT_COLUMNS + ", d.uuid, NULL, d.currently_supported,"
      + " d.created_at, d.support_ended_at" + VERSION_FROM
      + "JOIN released_versions d ON d.version_id = v.id"
      + " JOIN environments e ON e.uuid = d.environment_uuid";

  public Optional<Deployment> deployment(Tx tx, String uuid) throws SQLException {
    return tx.one(DEPLOYED_FROM + " WHERE d.uuid = ?",
        BrokerRepository::deployment, uuid);
  }

  public void undeploy(Tx tx, String uuid) throws SQLException {
    tx.update("UPDATE deployed_versions SET currently_deployed = 0, undeployed_at = ?"
        + " WHERE uuid = ? AND currently_deployed = 1", now(), uuid);
  }

  /** Currently deployed versions in an environment, optionally of one pacticipant. */
  public List<Deployment> currentDeployments(Tx tx, String environmentUuid, String pacticipant)
      throws SQLException {
    return tx.list(DEPLOYED_FROM
            + " WHERE d.environment_uuid = ? AND d.currently_deployed = 1 AND (CAST(? AS TEXT) IS NULL OR p.name = ?)"
            + " ORDER BY d.created_at, d.uuid",
        BrokerRepository::deployment, environmentUuid, pacticipant, pacticipant);
  }

  public Deployment recordRelease(Tx tx, Version version, Environment environment)
      throws SQLException {
    tx.update("INSERT INTO released_versions (uuid, version_id, environment_uuid, currently_supported,"
            + " created_at) VALUES (?, ?, ?, 1, ?) ON CONFLICT (version_id, environment_uuid)"
            + " DO UPDATE SET currently_supported = 1, support_ended_at = NULL",
        UUID.randomUUID().toString(), version.id(), environment.uuid(), now());
    String uuid = tx.one("SELECT uuid FROM released_versions WHERE version_id = ? AND environment_uuid = ?",
        row -> row.getString(1), version.id(), environment.uuid()).orElseThrow();
    return release(tx, uuid).orElseThrow();
  }

  public Optional<Deployment> release(Tx tx, String uuid) throws SQLException {
    return tx.one(RELEASED_FROM + " WHERE d.uuid = ?",
        BrokerRepository::deployment, uuid);
  }

  public void endSupport(Tx tx, String uuid) throws SQLException {
    tx.update("UPDATE released_versions SET currently_supported = 0, support_ended_at = ?"
        + " WHERE uuid = ? AND currently_supported = 1", now(), uuid);
  }

  public List<Deployment> currentReleases(Tx tx, String environmentUuid, String pacticipant)
      throws SQLException {
    return tx.list(RELEASED_FROM
            + " WHERE d.environment_uuid = ? AND d.currently_supported = 1 AND (CAST(? AS TEXT) IS NULL OR p.name = ?)"
            + " ORDER BY d.created_at, d.uuid",
        BrokerRepository::deployment, environmentUuid, pacticipant, pacticipant);
  }

  /** Deployments and releases (current ones) of one version, in every environment. */
  public List<Deployment> currentPlacesOf(Tx tx, Version version) throws SQLException {
    List<Deployment> result = new ArrayList<>(tx.list("SELECT " + DEPLOYMENT_COLUMNS
            + ", d.uuid, d.application_instance, d.currently_deployed, d.created_at, d.undeployed_at"
            + VERSION_FROM + "JOIN deployed_versions d ON d.version_id = v.id"
            + " JOIN environments e ON e.uuid = d.environment_uuid"
            + " WHERE v.id = ? AND d.currently_deployed = 1 ORDER BY e.name",
        BrokerRepository::deployment, version.id()));
    result.addAll(tx.list("SELECT " + DEPLOYMENT_COLUMNS
            + ", d.uuid, NULL, d.currently_supported, d.created_at, d.support_ended_at"
            + VERSION_FROM + "JOIN released_versions d ON d.version_id = v.id"
            + " JOIN environments e ON e.uuid = d.environment_uuid"
            + " WHERE v.id = ? AND d.currently_supported = 1 ORDER BY e.name",
        BrokerRepository::deployment, version.id()));
    return result;
  }

  // ---------------------------------------------------------------- webhooks

  public void saveWebhook(Tx tx, Webhook webhook) throws SQLException {
    String events = String.join(",", webhook.events());
    int updated = tx.update("UPDATE webhooks SET description = ?, consumer_name = ?, consumer_label = ?,"
            + " provider_name = ?, provider_label = ?, events = ?, request = ?, enabled = ?, updated_at = ?"
            + " WHERE uuid = ?", webhook.description(), webhook.consumerName(), webhook.consumerLabel(),
        webhook.providerName(), webhook.providerLabel(), events, webhook.request(),
        webhook.enabled() ? 1 : 0, webhook.updatedAt(), webhook.uuid());
    if (updated == 0) {
      tx.update("INSERT INTO webhooks (uuid, description, consumer_name, consumer_label, provider_name,"
              + " provider_label, events, request, enabled, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", webhook.uuid(), webhook.description(),
          webhook.consumerName(), webhook.consumerLabel(), webhook.providerName(),
          webhook.providerLabel(), events, webhook.request(), webhook.enabled() ? 1 : 0,
          webhook.createdAt(), webhook.updatedAt());
    }
  }

  public Optional<Webhook> webhook(Tx tx, String uuid) throws SQLException {
    return tx.one("SELECT uuid, description, consumer_name, consumer_label, provider_name, provider_label,"
        + " events, request, enabled, created_at, updated_at FROM webhooks WHERE uuid = ?",
        BrokerRepository::webhook, uuid);
  }

  public List<Webhook> webhooks(Tx tx) throws SQLException {
    return tx.list("SELECT uuid, description, consumer_name, consumer_label, provider_name, provider_label,"
        + " events, request, enabled, created_at, updated_at FROM webhooks ORDER BY created_at, uuid",
        BrokerRepository::webhook);
  }

  public boolean deleteWebhook(Tx tx, String uuid) throws SQLException {
    return tx.update("DELETE FROM webhooks WHERE uuid = ?", uuid) == 1;
  }

  public void addExecution(Tx tx, String webhookUuid, String event, boolean success, int attempts,
      String log) throws SQLException {
    tx.update("INSERT INTO webhook_executions (webhook_uuid, event, success, attempts, log, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", webhookUuid, event, success ? 1 : 0, attempts, log, now());
  }

  public List<WebhookExecution> executions(Tx tx, String webhookUuid) throws SQLException {
    return tx.list("SELECT id, webhook_uuid, event, success, attempts, log, created_at"
            + " FROM webhook_executions WHERE webhook_uuid = ? ORDER BY id DESC",
        row -> new WebhookExecution(row.getLong(1), row.getString(2), row.getString(3),
            row.getInt(4) == 1, row.getInt(5), row.getString(6), row.getString(7)), webhookUuid);
  }

  // ---------------------------------------------------------------- GraphQL schemas, field usage

  public void saveSchema(Tx tx, Version providerVersion, String sdl) throws SQLException {
    tx.update("INSERT INTO graphql_schemas (version_id, sdl, created_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (version_id) DO UPDATE SET sdl = excluded.sdl, created_at = excluded.created_at",
        providerVersion.id(), sdl, now());
  }

  public Optional<String> schema(Tx tx, Version providerVersion) throws SQLException {
    return tx.one("SELECT sdl FROM graphql_schemas WHERE version_id = ?", row -> row.getString(1),
        providerVersion.id());
  }

  /** The newest provider version of {@code provider} that has a schema. */
  public Optional<Version> latestSchemaVersion(Tx tx, String provider) throws SQLException {
    return tx.one("SELECT " + VERSION_COLUMNS + VERSION_FROM
            + "JOIN graphql_schemas s ON s.version_id = v.id WHERE p.name = ? ORDER BY v.id DESC LIMIT 1",
        BrokerRepository::version, provider);
  }

  public boolean hasFieldUsages(Tx tx, String sha) throws SQLException {
    return tx.one("SELECT 1 FROM field_usages WHERE pact_sha = ? LIMIT 1", row -> true, sha).isPresent();
  }

  public void addFieldUsage(Tx tx, String sha, String coordinate, String interaction)
      throws SQLException {
    tx.update("INSERT INTO field_usages (pact_sha, coordinate, interaction) VALUES (?, ?, ?)"
        + " ON CONFLICT (pact_sha, coordinate, interaction) DO NOTHING", sha, coordinate, interaction);
  }

  /** Every pact content using the coordinate, with the interactions that use it. */
  public List<String[]> fieldUsages(Tx tx, String coordinate) throws SQLException {
    return tx.list("SELECT pact_sha, interaction FROM field_usages WHERE coordinate = ?"
        + " ORDER BY pact_sha, interaction", row -> new String[] {row.getString(1), row.getString(2)},
        coordinate);
  }

  /** Every test-support reset: removes all data but keeps the schema. */
  public void deleteEverything(Tx tx) throws SQLException {
    for (String table : Arrays.asList("field_usages", "graphql_schemas", "webhook_executions",
        "webhooks", "released_versions", "deployed_versions", "environments", "verifications",
        "pact_publications", "pact_contents", "tags", "branch_versions", "versions", "pacticipants")) {
      tx.update("DELETE FROM " + table);
    }
  }

  // ---------------------------------------------------------------- row mapping

  private static Pacticipant pacticipant(ResultSet row) throws SQLException {
    return new Pacticipant(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6), row.getString(7));
  }

  private static Version version(ResultSet row) throws SQLException {
    return version(row, 1);
  }

  private static Version version(ResultSet row, int at) throws SQLException {
    return new Version(row.getLong(at), row.getLong(at + 1), row.getString(at + 2),
        row.getString(at + 3), row.getString(at + 4), row.getString(at + 5));
  }

  private static Publication publication(ResultSet row) throws SQLException {
    return new Publication(row.getLong(7), version(row, 1), row.getLong(8), row.getString(9),
        row.getString(10), row.getString(11));
  }

  private static Verification verification(ResultSet row) throws SQLException {
    return verification(row, 1);
  }

  /** A verification whose provider version's columns start at {@code at}, followed by its own. */
  private static Verification verification(ResultSet row, int at) throws SQLException {
    return new Verification(row.getLong(at + 6), row.getString(at + 7), version(row, at), row.getInt(at + 8) == 1,
        row.getString(at + 9), row.getString(at + 10), row.getString(at + 11), row.getString(at + 12));
  }

  private static Environment environment(ResultSet row, int at) throws SQLException {
    return new Environment(row.getString(at), row.getString(at + 1), row.getString(at + 2),
        row.getInt(at + 3) == 1, row.getString(at + 4), row.getString(at + 5));
  }

  private static Deployment deployment(ResultSet row) throws SQLException {
    return new Deployment(row.getString(13), version(row, 1), environment(row, 7),
        row.getString(14), row.getInt(15) == 1, row.getString(16), row.getString(17));
  }

  private static Webhook webhook(ResultSet row) throws SQLException {
    String events = row.getString(7);
    return new Webhook(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
        row.getString(5), row.getString(6),
        events.isEmpty() ? List.of() : List.of(events.split(",")), row.getString(8),
        row.getInt(9) == 1, row.getString(10), row.getString(11));
  }
}

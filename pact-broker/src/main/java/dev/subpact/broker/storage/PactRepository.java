package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;
import static dev.subpact.broker.storage.Rows.*;

import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Pact contents and their publications (consumer version → provider), with the reads that pick
 * pacts by tag, branch, environment or consumer. Every value is bound as a parameter.
 */
public final class PactRepository {

  private final PacticipantRepository pacticipants;

  public PactRepository(PacticipantRepository pacticipants) {
    this.pacticipants = pacticipants;
  }

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
        Rows::publication, consumerVersion.id(), provider);
  }

  public Optional<Publication> publicationBySha(Tx tx, String provider, String consumer, String sha)
      throws SQLException {
    return tx.one(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? AND pp.pact_sha = ?"
        + " ORDER BY v.id DESC LIMIT 1", Rows::publication, provider, consumer, sha);
  }

  /** Publications of one consumer with one provider, newest consumer version first. */
  public List<Publication> publications(Tx tx, String provider, String consumer)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? ORDER BY v.id DESC",
        Rows::publication, provider, consumer);
  }

  /** Every publication for a provider, newest consumer version first. */
  public List<Publication> publicationsForProvider(Tx tx, String provider) throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE pr.name = ? ORDER BY v.id DESC",
        Rows::publication, provider);
  }

  /** Every publication of a consumer version (one per provider). */
  public List<Publication> publicationsOf(Tx tx, Version consumerVersion) throws SQLException {
    return tx.list(PUBLICATION_SELECT + "WHERE v.id = ? ORDER BY pr.name",
        Rows::publication, consumerVersion.id());
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
        + ") " + order, Rows::publication, args.toArray());
  }

  /** The ids of the provider's consumers: a loose index scan over the provider's publications. */
  private static final String CONSUMERS_OF_PROVIDER = "WITH RECURSIVE consumers(id) AS ("
      + "SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = ?"
      + " UNION ALL SELECT (SELECT MIN(consumer_id) FROM pact_publications WHERE provider_id = ? AND consumer_id > consumers.id)"
      + " FROM consumers WHERE consumers.id IS NOT NULL) ";

  public Optional<Publication> latestPublication(Tx tx, String provider, String consumer)
      throws SQLException {
    return tx.one(PUBLICATION_SELECT + "WHERE pr.name = ? AND p.name = ? ORDER BY v.id DESC LIMIT 1",
        Rows::publication, provider, consumer);
  }

  public Optional<Publication> latestPublicationWithTag(Tx tx, String provider, String consumer,
      String tag) throws SQLException {
    return tx.one(PUBLICATION_SELECT + "JOIN tags t ON t.version_id = v.id"
            + " WHERE pr.name = ? AND p.name = ? AND t.name = ? ORDER BY v.id DESC LIMIT 1",
        Rows::publication, provider, consumer, tag);
  }

  public Optional<Publication> latestPublicationOnBranch(Tx tx, String provider, String consumer,
      String branch) throws SQLException {
    return tx.one(PUBLICATION_SELECT + "JOIN branch_versions b ON b.version_id = v.id"
            + " WHERE pr.name = ? AND p.name = ? AND b.branch = ? ORDER BY v.id DESC LIMIT 1",
        Rows::publication, provider, consumer, branch);
  }

  public List<Publication> publicationsWithTag(Tx tx, String provider, String tag)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "JOIN tags t ON t.version_id = v.id"
        + " WHERE pr.name = ? AND t.name = ? ORDER BY v.id DESC", Rows::publication,
        provider, tag);
  }

  public List<Publication> publicationsOnBranch(Tx tx, String provider, String branch)
      throws SQLException {
    return tx.list(PUBLICATION_SELECT + "JOIN branch_versions b ON b.version_id = v.id"
        + " WHERE pr.name = ? AND b.branch = ? ORDER BY v.id DESC", Rows::publication,
        provider, branch);
  }

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
    Optional<Pacticipant> owner = pacticipants.pacticipant(tx, provider);
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
        + String.join(" UNION ", places) + ") ORDER BY v.id", Rows::publication, args.toArray());
  }

  /** Consumer names with at least one pact for the provider. */
  public List<String> consumersOf(Tx tx, String provider) throws SQLException {
    Optional<Pacticipant> owner = pacticipants.pacticipant(tx, provider);
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
    Optional<Pacticipant> owner = pacticipants.pacticipant(tx, provider);
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
        Rows::publication, args.toArray());
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
        Rows::publication, provider, provider, provider);
  }

  public long countPublications(Tx tx) throws SQLException {
    return tx.one("SELECT COUNT(*) FROM pact_publications", row -> row.getLong(1)).orElse(0L);
  }

  public boolean deletePublication(Tx tx, Publication publication) throws SQLException {
    return tx.update("DELETE FROM pact_publications WHERE id = ?", publication.id()) == 1;
  }
}

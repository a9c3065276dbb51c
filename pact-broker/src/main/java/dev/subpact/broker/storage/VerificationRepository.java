package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;
import static dev.subpact.broker.storage.Rows.*;

import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Verification results of pact contents by provider versions, and the reads the matrix and for-verification make of them. */
public final class VerificationRepository {

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
          row -> new VerifiedPublication(Rows.publication(row), Rows.verification(row, 12)), args.toArray()));
    }
    result.sort(java.util.Comparator.comparingLong((VerifiedPublication r) -> -r.pact().consumerVersion().id())
        .thenComparingLong(r -> -r.verification().id()));
    return result;
  }

  /** Every verification one provider version made, newest first. */
  public List<Verification> verificationsBy(Tx tx, Version providerVersion) throws SQLException {
    return tx.list(VERIFICATION_SELECT + "WHERE vr.provider_version_id = ? ORDER BY vr.id DESC",
        Rows::verification, providerVersion.id());
  }
  public Verification addVerification(Tx tx, String sha, Version providerVersion, boolean success,
      String kind, String buildUrl, String testResults) throws SQLException {
    long id = tx.insertReturningId("INSERT INTO verifications (pact_sha, provider_version_id, success,"
            + " kind, build_url, test_results, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        sha, providerVersion.id(), success ? 1 : 0, kind, buildUrl, testResults, now());
    return verification(tx, id).orElseThrow();
  }

  public Optional<Verification> verification(Tx tx, long id) throws SQLException {
    return tx.one(VERIFICATION_SELECT + "WHERE vr.id = ?", Rows::verification, id);
  }

  /** Verifications of a pact content by versions of the provider, newest first. */
  public List<Verification> verificationsOf(Tx tx, String sha, String provider) throws SQLException {
    return tx.list(VERIFICATION_SELECT + "WHERE vr.pact_sha = ? AND p.name = ? ORDER BY vr.id DESC",
        Rows::verification, sha, provider);
  }
}

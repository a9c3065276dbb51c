package dev.subpact.broker.matrix;

import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.storage.VerificationRepository;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One evaluation of a matrix query; caches each provider version's verifications for its duration. */
final class MatrixEvaluation {

  private final Repositories storage;
  private final Map<Long, Map<String, Verification>> verificationsByVersion = new java.util.HashMap<>();

  MatrixEvaluation(Repositories storage) {
    this.storage = storage;
  }

  Matrix.Result evaluate(Tx tx, MatrixQuery query) throws SQLException {
    if (query.selectors().isEmpty()) {
      throw BrokerException.invalid("Please provide 1 or more version selectors, like"
          + " q[][pacticipant]=Foo&q[][version]=1.2.3.");
    }
    List<String> missing = new ArrayList<>();
    for (Selector selector : query.selectors()) {
      if (storage.pacticipants().pacticipant(tx, selector.pacticipant()).isEmpty()) {
        missing.add("Pacticipant '" + selector.pacticipant() + "' not found.");
      }
    }
    if (!missing.isEmpty()) {
      throw BrokerException.invalid(String.join(" ", missing));
    }
    if (query.environment() != null && storage.environments().environmentNamed(tx, query.environment()).isEmpty()) {
      throw BrokerException.invalid("Environment '" + query.environment() + "' not found; create it"
          + " with POST /environments or pact-broker create-environment.");
    }
    Map<String, List<Version>> selected = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (Selector selector : query.selectors()) {
      List<Version> versions = resolve(tx, selector);
      if (versions.isEmpty()) {
        absent.add("No version of " + selector.describe() + " has been published.");
      }
      selected.computeIfAbsent(selector.pacticipant(), k -> new ArrayList<>()).addAll(versions);
    }
    if (!absent.isEmpty()) {
      return new Matrix.Result(List.of(), null, String.join(" ", absent), 0, 0, 0, 0, List.of());
    }
    List<Selector> ignore = query.ignore();
    boolean canIDeploy = query.selectors().size() == 1 && query.hasTarget();
    List<Matrix.Row> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (canIDeploy) {
      againstTarget(tx, query, selected, ignore, rows, problems);
    } else if (query.selectors().size() == 1) {
      List<Version> versions = ascending(selected.get(query.selectors().get(0).pacticipant()));
      if (query.limit() != null && versions.size() > query.limit()) {
        versions = versions.subList(versions.size() - Math.max(0, query.limit()), versions.size());
      }
      everyIntegration(tx, query.selectors().get(0).pacticipant(), versions, ignore, rows);
    } else {
      betweenSelected(tx, selected, ignore, rows);
    }
    if (query.successFilter() != null) {
      rows.removeIf(row -> !query.successFilter().equals(row.success()));
    }
    return summarise(rows, problems, canIDeploy, query);
  }

  private void betweenSelected(Tx tx, Map<String, List<Version>> selected, List<Selector> ignore,
      List<Matrix.Row> rows) throws SQLException {
    for (Map.Entry<String, List<Version>> consumer : selected.entrySet()) {
      for (Map.Entry<String, List<Version>> provider : selected.entrySet()) {
        if (consumer.getKey().equals(provider.getKey())) {
          continue;
        }
        for (Version consumerVersion : ascending(consumer.getValue())) {
          Optional<Publication> pact = storage.pacts().publication(tx, consumerVersion, provider.getKey());
          if (pact.isEmpty()) {
            continue;
          }
          for (Version providerVersion : ascending(provider.getValue())) {
            Verification verification = latestVerification(tx, pact.get(), providerVersion);
            rows.add(new Matrix.Row(pact.get(), providerVersion, verification,
                ignored(ignore, consumerVersion) || ignored(ignore, providerVersion)));
          }
        }
      }
    }
  }

  /** One pacticipant on its own: its pacts with every verification, and every verification it made. */
  private void everyIntegration(Tx tx, String name, List<Version> versions, List<Selector> ignore,
      List<Matrix.Row> rows) throws SQLException {
    Set<Long> selected = new java.util.HashSet<>();
    versions.forEach(v -> selected.add(v.id()));
    for (Version version : ascending(versions)) {
      for (Publication pact : storage.pacts().publicationsOf(tx, version)) {
        List<Verification> verifications = new ArrayList<>(storage.verifications().verificationsOf(tx, pact.sha(), pact.provider()));
        java.util.Collections.reverse(verifications);
        if (verifications.isEmpty()) {
          rows.add(new Matrix.Row(pact, null, null, ignored(ignore, version)));
        }
        for (Verification verification : verifications) {
          rows.add(new Matrix.Row(pact, verification.providerVersion(), verification,
              ignored(ignore, version) || ignored(ignore, verification.providerVersion())));
        }
      }
    }
    for (VerificationRepository.VerifiedPublication verified : storage.verifications().verifiedPublications(tx, name, new ArrayList<>(selected))) {
      rows.add(new Matrix.Row(verified.pact(), verified.verification().providerVersion(), verified.verification(),
          ignored(ignore, verified.pact().consumerVersion())));
    }
  }

  private void againstTarget(Tx tx, MatrixQuery query, Map<String, List<Version>> selected,
      List<Selector> ignore, List<Matrix.Row> rows, List<String> problems) throws SQLException {
    String name = query.selectors().get(0).pacticipant();
    List<Version> versions = selected.get(name);
    String target = targetDescription(query);
    List<Publication> consumerPacts = null; // the same for every selected version: read once, when needed
    for (Version version : ascending(versions)) {
      for (Publication pact : storage.pacts().publicationsOf(tx, version)) {
        List<Version> providerVersions = target(tx, query, pact.provider());
        if (providerVersions.isEmpty()) {
          if (!ignoredName(ignore, pact.provider())) {
            problems.add("There is no verified pact between " + name + " (" + version.number()
                + ") and a version of " + pact.provider() + " " + target + ".");
          }
          continue;
        }
        for (Version providerVersion : providerVersions) {
          rows.add(new Matrix.Row(pact, providerVersion, latestVerification(tx, pact, providerVersion),
              ignored(ignore, providerVersion)));
        }
      }
      if (query.environment() != null) {
        Environment environment = storage.environments().environmentNamed(tx, query.environment()).orElseThrow();
        for (Publication pact : storage.pacts().publicationsInEnvironments(tx, name, environment.uuid(), true, true)) {
          rows.add(new Matrix.Row(pact, version, latestVerification(tx, pact, version), ignored(ignore, pact.consumerVersion())));
        }
        continue;
      }
      if (consumerPacts == null) {
        consumerPacts = storage.pacts().consumerTargetPublications(tx, name, query.tag(), query.mainBranch());
      }
      for (Publication pact : consumerPacts) {
        rows.add(new Matrix.Row(pact, version, latestVerification(tx, pact, version), ignored(ignore, pact.consumerVersion())));
      }
    }
  }

  /**
   * The verification that counts for a pact content and a provider version: the newest live one,
   * else the newest by schema. Each provider version's verifications are read once per query.
   */
  private Verification latestVerification(Tx tx, Publication pact, Version providerVersion)
      throws SQLException {
    Map<String, Verification> bySha = verificationsByVersion.get(providerVersion.id());
    if (bySha == null) {
      bySha = new java.util.HashMap<>();
      for (Verification verification : storage.verifications().verificationsBy(tx, providerVersion)) {
        Verification best = bySha.get(verification.sha());
        if (best == null || (Verification.LIVE.equals(verification.kind()) && !Verification.LIVE.equals(best.kind()))) {
          bySha.put(verification.sha(), verification);
        }
      }
      verificationsByVersion.put(providerVersion.id(), bySha);
    }
    return bySha.get(pact.sha());
  }

  private List<Version> target(Tx tx, MatrixQuery query, String pacticipant) throws SQLException {
    if (query.environment() != null) {
      Environment environment = storage.environments().environmentNamed(tx, query.environment()).orElseThrow();
      Set<Version> versions = new LinkedHashSet<>();
      for (Deployment d : storage.environments().currentDeployments(tx, environment.uuid(), pacticipant)) {
        versions.add(d.version());
      }
      for (Deployment r : storage.environments().currentReleases(tx, environment.uuid(), pacticipant)) {
        versions.add(r.version());
      }
      return ascending(new ArrayList<>(versions));
    }
    if (query.tag() != null) {
      return storage.pacticipants().latestVersionWithTag(tx, pacticipant, query.tag()).map(List::of).orElse(List.of());
    }
    if (query.mainBranch()) {
      Optional<Pacticipant> p = storage.pacticipants().pacticipant(tx, pacticipant);
      String branch = p.map(Pacticipant::mainBranch).orElse(null);
      return branch == null ? List.of()
          : storage.pacticipants().latestVersionOnBranch(tx, pacticipant, branch).map(List::of).orElse(List.of());
    }
    return storage.pacticipants().latestVersion(tx, pacticipant).map(List::of).orElse(List.of());
  }

  private static String targetDescription(MatrixQuery query) {
    if (query.environment() != null) {
      return "currently in " + query.environment();
    }
    if (query.tag() != null) {
      return "with tag " + query.tag();
    }
    return query.mainBranch() ? "from the main branch" : "(latest)";
  }

  /** The versions a selector means, oldest first. */
  List<Version> resolve(Tx tx, Selector selector) throws SQLException {
    String name = selector.pacticipant();
    if (selector.version() != null) {
      return storage.pacticipants().version(tx, name, selector.version()).map(List::of).orElse(List.of());
    }
    if (selector.environment() != null) {
      Optional<Environment> environment = storage.environments().environmentNamed(tx, selector.environment());
      if (environment.isEmpty()) {
        return List.of();
      }
      Set<Version> versions = new LinkedHashSet<>();
      storage.environments().currentDeployments(tx, environment.get().uuid(), name).forEach(d -> versions.add(d.version()));
      storage.environments().currentReleases(tx, environment.get().uuid(), name).forEach(d -> versions.add(d.version()));
      return ascending(new ArrayList<>(versions));
    }
    String branch = selector.branch();
    if (selector.mainBranch()) {
      branch = storage.pacticipants().pacticipant(tx, name).map(Pacticipant::mainBranch).orElse(null);
      if (branch == null) {
        return List.of();
      }
    }
    if (branch != null) {
      return selector.latest() || selector.mainBranch()
          ? storage.pacticipants().latestVersionOnBranch(tx, name, branch).map(List::of).orElse(List.of())
          : ascending(storage.pacticipants().versionsOnBranch(tx, name, branch));
    }
    if (selector.tag() != null) {
      return selector.latest()
          ? storage.pacticipants().latestVersionWithTag(tx, name, selector.tag()).map(List::of).orElse(List.of())
          : ascending(storage.pacticipants().versionsWithTag(tx, name, selector.tag()));
    }
    if (selector.latest()) {
      return storage.pacticipants().latestVersion(tx, name).map(List::of).orElse(List.of());
    }
    return ascending(storage.pacticipants().versions(tx, name));
  }

  private static List<Version> ascending(List<Version> versions) {
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(java.util.Comparator.comparingLong(Version::id));
    return sorted;
  }

  private static boolean ignored(List<Selector> ignore, Version version) {
    return ignore.stream().anyMatch(s -> s.pacticipant().equals(version.pacticipant())
        && (s.version() == null || s.version().equals(version.number())));
  }

  private static boolean ignoredName(List<Selector> ignore, String pacticipant) {
    return ignore.stream().anyMatch(s -> s.pacticipant().equals(pacticipant) && s.version() == null);
  }

  private static Matrix.Result summarise(List<Matrix.Row> rows, List<String> problems, boolean canIDeploy,
      MatrixQuery query) {
    int success = 0;
    int failed = 0;
    int unknown = 0;
    int ignored = 0;
    List<String> reasons = new ArrayList<>(problems);
    List<String> notices = new ArrayList<>();
    for (Matrix.Row row : rows) {
      String pair = row.pact().consumer() + " (" + row.pact().consumerVersion().number() + ") and "
          + row.pact().provider() + (row.providerVersion() == null ? "" : " (" + row.providerVersion().number() + ")");
      if (row.ignored()) {
        ignored++;
        notices.add("Ignoring the " + (row.success() == null ? "missing" : row.success() ? "successful" : "failed")
            + " verification between " + pair + ".");
        continue;
      }
      if (row.success() == null) {
        unknown++;
        reasons.add("There is no verified pact between " + pair + ".");
      } else if (row.success()) {
        success++;
        String by = Verification.SCHEMA.equals(row.verification().kind()) ? " (verified by schema)" : "";
        notices.add("The pact between " + pair + " was verified successfully" + by + ".");
      } else {
        failed++;
        reasons.add("The verification of the pact between " + pair + " failed.");
      }
    }
    Boolean deployable;
    String reason;
    if (!reasons.isEmpty()) {
      deployable = false;
      reason = String.join(" ", reasons);
    } else if (rows.isEmpty() && !canIDeploy) {
      deployable = null;
      reason = "No pacts or verifications have been published between the selected versions.";
    } else {
      deployable = true;
      reason = rows.isEmpty()
          ? "There are no missing dependencies" + (query.environment() == null ? "" : " in " + query.environment()) + "."
          : "All required verification results are published and successful.";
    }
    return new Matrix.Result(rows, deployable, reason, success, failed, unknown, ignored, notices);
  }
}

package dev.subpact.broker.data;

import dev.subpact.broker.error.BrokerException;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.matrix.MatrixQuery;
import dev.subpact.broker.model.Deployment;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Pacticipant;
import dev.subpact.broker.model.PageRows;
import dev.subpact.broker.model.Publication;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.model.Webhook;
import dev.subpact.broker.model.WebhookExecution;
import dev.subpact.broker.storage.DashboardReads;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.Tx;
import dev.subpact.broker.verification.PactsForVerification;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads and writes of one request, all in one transaction ({@link BrokerData#read} or
 * {@link BrokerData#write}): pacticipants, versions, branches and tags, pacts, verifications,
 * environments with their deployments and releases, webhooks, the matrix, pacts for verification
 * and the dashboard's page reads. Callers see the broker's values, never SQL or the repositories.
 */
public final class Session {

  private final Tx tx;
  private final Repositories storage;
  private final Matrix matrix;
  private final PactsForVerification pactsForVerification;

  Session(Tx tx, Repositories storage, Matrix matrix, PactsForVerification pactsForVerification) {
    this.tx = tx;
    this.storage = storage;
    this.matrix = matrix;
    this.pactsForVerification = pactsForVerification;
  }

  /** The pacticipant; refused as not found when there is none of that name. */
  public Pacticipant existingPacticipant(String name) {
    return pacticipant(name).orElseThrow(() -> BrokerException.notFound("No pacticipant named '" + name + "'."));
  }

  /** The version of the pacticipant; refused as not found when it does not exist. */
  public Version existingVersion(String pacticipant, String number) {
    return version(pacticipant, number).orElseThrow(() -> BrokerException.notFound(
        "No version '" + number + "' of pacticipant '" + pacticipant + "'."));
  }

  public Matrix.Result matrix(MatrixQuery query) {
    return call(() -> matrix.evaluate(tx, query));
  }

  public List<PactsForVerification.Selected> pactsForVerification(String provider,
      PactsForVerification.Request request) {
    return call(() -> pactsForVerification.select(tx, provider, request));
  }

  public Optional<Pacticipant> pacticipant(String name) {
    return call(() -> storage.pacticipants().pacticipant(tx, name));
  }

  public List<Pacticipant> pacticipants() {
    return call(() -> storage.pacticipants().pacticipants(tx));
  }

  public Pacticipant updatePacticipant(String name, String displayName, String repositoryUrl, String mainBranch) {
    return call(() -> storage.pacticipants().updatePacticipant(tx, name, displayName, repositoryUrl, mainBranch));
  }

  public void deletePacticipant(Pacticipant pacticipant) {
    run(() -> storage.pacticipants().deletePacticipant(tx, pacticipant));
  }

  public Optional<Version> version(String pacticipant, String number) {
    return call(() -> storage.pacticipants().version(tx, pacticipant, number));
  }

  public Version ensureVersion(String pacticipant, String number, String buildUrl) {
    return call(() -> storage.pacticipants().ensureVersion(tx, pacticipant, number, buildUrl));
  }

  public List<Version> versions(String pacticipant) {
    return call(() -> storage.pacticipants().versions(tx, pacticipant));
  }

  public Optional<Version> latestVersion(String pacticipant) {
    return call(() -> storage.pacticipants().latestVersion(tx, pacticipant));
  }

  public Optional<Version> latestVersionWithTag(String pacticipant, String tag) {
    return call(() -> storage.pacticipants().latestVersionWithTag(tx, pacticipant, tag));
  }

  public Optional<Version> latestVersionOnBranch(String pacticipant, String branch) {
    return call(() -> storage.pacticipants().latestVersionOnBranch(tx, pacticipant, branch));
  }

  public boolean tag(Version version, String tag) {
    return call(() -> storage.branchesAndTags().tag(tx, version, tag));
  }

  public boolean deleteTag(Version version, String tag) {
    return call(() -> storage.branchesAndTags().deleteTag(tx, version, tag));
  }

  public List<String> tags(Version version) {
    return call(() -> storage.branchesAndTags().tags(tx, version));
  }

  public boolean addToBranch(Version version, String branch) {
    return call(() -> storage.branchesAndTags().addToBranch(tx, version, branch));
  }

  public List<String> branchesOf(Version version) {
    return call(() -> storage.branchesAndTags().branchesOf(tx, version));
  }

  public List<String> branches(Pacticipant pacticipant) {
    return call(() -> storage.branchesAndTags().branches(tx, pacticipant));
  }

  public boolean deleteBranch(Pacticipant pacticipant, String branch) {
    return call(() -> storage.branchesAndTags().deleteBranch(tx, pacticipant, branch));
  }

  public Optional<String> pactContent(String sha) {
    return call(() -> storage.pacts().pactContent(tx, sha));
  }

  public Optional<Publication> publication(Version consumerVersion, String provider) {
    return call(() -> storage.pacts().publication(tx, consumerVersion, provider));
  }

  public Optional<Publication> publicationBySha(String provider, String consumer, String sha) {
    return call(() -> storage.pacts().publicationBySha(tx, provider, consumer, sha));
  }

  public List<Publication> publications(String provider, String consumer) {
    return call(() -> storage.pacts().publications(tx, provider, consumer));
  }

  public List<Publication> publicationsForProvider(String provider) {
    return call(() -> storage.pacts().publicationsForProvider(tx, provider));
  }

  public List<Publication> publicationsOf(Version consumerVersion) {
    return call(() -> storage.pacts().publicationsOf(tx, consumerVersion));
  }

  public List<Publication> latestPublications() {
    return call(() -> storage.pacts().latestPublications(tx));
  }

  public List<Publication> latestPublications(int offset, int limit) {
    return call(() -> storage.pacts().latestPublications(tx, offset, limit));
  }

  public Optional<Publication> latestPublication(String provider, String consumer) {
    return call(() -> storage.pacts().latestPublication(tx, provider, consumer));
  }

  public Optional<Publication> latestPublicationWithTag(String provider, String consumer, String tag) {
    return call(() -> storage.pacts().latestPublicationWithTag(tx, provider, consumer, tag));
  }

  public Optional<Publication> latestPublicationOnBranch(String provider, String consumer, String branch) {
    return call(() -> storage.pacts().latestPublicationOnBranch(tx, provider, consumer, branch));
  }

  public List<Publication> publicationsWithTag(String provider, String tag) {
    return call(() -> storage.pacts().publicationsWithTag(tx, provider, tag));
  }

  public List<Publication> publicationsOnBranch(String provider, String branch) {
    return call(() -> storage.pacts().publicationsOnBranch(tx, provider, branch));
  }

  public List<Publication> latestPublicationsOnMainBranches(String provider) {
    return call(() -> storage.pacts().latestPublicationsOnMainBranches(tx, provider));
  }

  public List<Publication> latestPublicationsOnBranch(String provider, String branch) {
    return call(() -> storage.pacts().latestPublicationsOnBranch(tx, provider, branch));
  }

  public List<String> consumersOf(String provider) {
    return call(() -> storage.pacts().consumersOf(tx, provider));
  }

  public boolean deletePublication(Publication publication) {
    return call(() -> storage.pacts().deletePublication(tx, publication));
  }

  public List<Verification> verificationsBy(Version providerVersion) {
    return call(() -> storage.verifications().verificationsBy(tx, providerVersion));
  }

  public Optional<Verification> verification(long id) {
    return call(() -> storage.verifications().verification(tx, id));
  }

  public List<Verification> verificationsOf(String sha, String provider) {
    return call(() -> storage.verifications().verificationsOf(tx, sha, provider));
  }

  public Environment createEnvironment(String uuid, String name,
      String displayName, boolean production, String contacts) {
    return call(() -> storage.environments().createEnvironment(tx, uuid, name, displayName, production, contacts));
  }

  public Environment updateEnvironment(String uuid, String name,
      String displayName, boolean production, String contacts) {
    return call(() -> storage.environments().updateEnvironment(tx, uuid, name, displayName, production, contacts));
  }

  public Optional<Environment> environment(String uuid) {
    return call(() -> storage.environments().environment(tx, uuid));
  }

  public Optional<Environment> environmentNamed(String name) {
    return call(() -> storage.environments().environmentNamed(tx, name));
  }

  public List<Environment> environments() {
    return call(() -> storage.environments().environments(tx));
  }

  public boolean deleteEnvironment(String uuid) {
    return call(() -> storage.environments().deleteEnvironment(tx, uuid));
  }

  public Deployment recordDeployment(Version version, Environment environment, String applicationInstance) {
    return call(() -> storage.environments().recordDeployment(tx, version, environment, applicationInstance));
  }

  public Optional<Deployment> deployment(String uuid) {
    return call(() -> storage.environments().deployment(tx, uuid));
  }

  public void undeploy(String uuid) {
    run(() -> storage.environments().undeploy(tx, uuid));
  }

  public List<Deployment> currentDeployments(String environmentUuid, String pacticipant) {
    return call(() -> storage.environments().currentDeployments(tx, environmentUuid, pacticipant));
  }

  public Deployment recordRelease(Version version, Environment environment) {
    return call(() -> storage.environments().recordRelease(tx, version, environment));
  }

  public Optional<Deployment> release(String uuid) {
    return call(() -> storage.environments().release(tx, uuid));
  }

  public void endSupport(String uuid) {
    run(() -> storage.environments().endSupport(tx, uuid));
  }

  public List<Deployment> currentReleases(String environmentUuid, String pacticipant) {
    return call(() -> storage.environments().currentReleases(tx, environmentUuid, pacticipant));
  }

  public List<Deployment> currentPlacesOf(Version version) {
    return call(() -> storage.environments().currentPlacesOf(tx, version));
  }

  public void saveWebhook(Webhook webhook) {
    run(() -> storage.webhooks().saveWebhook(tx, webhook));
  }

  public Optional<Webhook> webhook(String uuid) {
    return call(() -> storage.webhooks().webhook(tx, uuid));
  }

  public List<Webhook> webhooks() {
    return call(() -> storage.webhooks().webhooks(tx));
  }

  public boolean deleteWebhook(String uuid) {
    return call(() -> storage.webhooks().deleteWebhook(tx, uuid));
  }

  public List<WebhookExecution> executions(String webhookUuid) {
    return call(() -> storage.webhooks().executions(tx, webhookUuid));
  }

  public List<Version> versions(String pacticipant, int limit, int offset) {
    return call(() -> DashboardReads.versions(tx, pacticipant, limit, offset));
  }

  public List<Version> versionsOnBranch(String pacticipant, String branch, int limit, int offset) {
    return call(() -> DashboardReads.versionsOnBranch(tx, pacticipant, branch, limit, offset));
  }

  public Map<Long, List<String>> branches(Collection<Long> versionIds) {
    return call(() -> DashboardReads.branches(tx, versionIds));
  }

  public Map<Long, List<PageRows.Place>> places(Collection<Long> versionIds) {
    return call(() -> DashboardReads.places(tx, versionIds));
  }

  public List<Object[]> inEnvironment(String environment, int limit, int offset) {
    return call(() -> DashboardReads.inEnvironment(tx, environment, limit, offset));
  }

  public Map<String, PageRows.Latest> latest(Collection<Publication> pacts) {
    return call(() -> DashboardReads.latest(tx, pacts));
  }

  public List<Verification> verifications(String sha, String provider, int limit) {
    return call(() -> DashboardReads.verifications(tx, sha, provider, limit));
  }

  public List<PageRows.InUse> inUse(String provider) {
    return call(() -> DashboardReads.inUse(tx, provider));
  }

  public Map<String, List<String[]>> fieldUsages(Collection<String> shas) {
    return call(() -> DashboardReads.fieldUsages(tx, shas));
  }

  public List<String> coordinates(int limit) {
    return call(() -> DashboardReads.coordinates(tx, limit));
  }

  public List<String> graphqlProviders() {
    return call(() -> DashboardReads.graphqlProviders(tx));
  }

  public List<Object[]> recentConsumerVersions(String provider, int limit) {
    return call(() -> DashboardReads.recentConsumerVersions(tx, provider, limit));
  }

  public List<Version> recentProviderBuilds(String provider, int limit) {
    return call(() -> DashboardReads.recentProviderBuilds(tx, provider, limit));
  }

  public List<PageRows.Verdict> verdicts(Collection<String> shas, Collection<Long> providerVersionIds) {
    return call(() -> DashboardReads.verdicts(tx, shas, providerVersionIds));
  }

  /** A repository's read or write, which may fail with the database's {@link SQLException}. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws SQLException;
  }

  /** A repository write that returns nothing. */
  @FunctionalInterface
  private interface Step {
    void run() throws SQLException;
  }

  /**
   * The database's failure, carried out of the session to {@link BrokerData}, which hands it back
   * to the transaction as the {@link SQLException} it was (a conflict or a storage failure).
   */
  static final class Failure extends RuntimeException {
    Failure(SQLException cause) {
      super(cause);
    }

    SQLException sqlException() {
      return (SQLException) getCause();
    }
  }

  private static <T> T call(Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  private static void run(Step step) {
    try {
      step.run();
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }
}

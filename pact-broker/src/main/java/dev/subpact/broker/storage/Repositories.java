package dev.subpact.broker.storage;

/** The broker's repositories, one per aggregate, all working inside a caller's {@link Tx}. */
public record Repositories(PacticipantRepository pacticipants, BranchTagRepository branchesAndTags,
    PactRepository pacts, VerificationRepository verifications, EnvironmentRepository environments,
    WebhookRepository webhooks, GraphqlRepository graphql) {

  public static Repositories create() {
    PacticipantRepository pacticipants = new PacticipantRepository();
    return new Repositories(pacticipants, new BranchTagRepository(), new PactRepository(pacticipants),
        new VerificationRepository(), new EnvironmentRepository(), new WebhookRepository(), new GraphqlRepository());
  }
}

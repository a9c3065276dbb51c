package dev.subpact.graphql.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.report.Report.PactVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verification result a report supports for a pact: verified only for what it replayed, all of it, and all passed. */
class ReportVerdictTest {

  private static final GraphqlPact KAREN = new GraphqlPact("karen", "flexus-backend", "20045",
      List.of(interaction("DeleteEmessages mutation"), interaction("KarenThreads subscription")));

  @Test
  void verifiedOnlyWhenEveryInteractionWasReplayedAndPassed() {
    Report both = new Report(List.of(passed("DeleteEmessages mutation"), passed("KarenThreads subscription")), List.of());
    assertThat(both.verdictOf(KAREN)).isEqualTo(PactVerdict.VERIFIED);
    assertThat(both.passed("karen", "20045")).isTrue();
  }

  @Test
  void failedWhenEveryInteractionWasReplayedAndOneBroke() {
    Report oneBroke = new Report(List.of(passed("DeleteEmessages mutation"), broken("KarenThreads subscription")), List.of());
    assertThat(oneBroke.verdictOf(KAREN)).isEqualTo(PactVerdict.FAILED);
  }

  @Test
  void aReportMissingAnInteractionOfThePactSaysNothingAboutIt() {
    Report half = new Report(List.of(passed("KarenThreads subscription")), List.of());
    Report none = new Report(List.of(), List.of());
    Report otherVersion = new Report(List.of(new InteractionReport("karen", "20046", "DeleteEmessages mutation", null, "accepted",
        List.of(), List.of()), new InteractionReport("karen", "20046", "KarenThreads subscription", null, "accepted", List.of(), List.of())),
        List.of());

    assertThat(half.verdictOf(KAREN)).isEqualTo(PactVerdict.NOT_REPLAYED);
    assertThat(none.verdictOf(KAREN)).isEqualTo(PactVerdict.NOT_REPLAYED);
    assertThat(otherVersion.verdictOf(KAREN)).isEqualTo(PactVerdict.NOT_REPLAYED);
    assertThat(none.passed("karen", "20045")).as("nothing replayed is not a pass").isFalse();
  }

  @Test
  void aPactWithoutInteractionsIsNeverVerified() {
    GraphqlPact empty = new GraphqlPact("karen", "flexus-backend", "20045", List.of());
    assertThat(new Report(List.of(), List.of()).verdictOf(empty)).isEqualTo(PactVerdict.EMPTY);
  }

  private static GraphqlInteraction interaction(String description) {
    return new GraphqlInteraction(description, List.of(), Operation.of("query Q { __typename }", "Q", Map.of()),
        new Transport.Http("/v1/graphql"), List.of());
  }

  private static InteractionReport passed(String description) {
    return new InteractionReport("karen", "20045", description, null, "accepted", List.of(), List.of());
  }

  private static InteractionReport broken(String description) {
    return new InteractionReport("karen", "20045", description, null, "rejected",
        List.of(Finding.error(FindingKind.OTHER, "Unknown argument 'want_emessage_types'")), List.of());
  }
}

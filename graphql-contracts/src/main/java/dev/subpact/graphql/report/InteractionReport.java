package dev.subpact.graphql.report;

import dev.subpact.graphql.check.Finding;
import java.time.Duration;
import java.util.List;

/**
 * The verdict on one interaction of one consumer's contract.
 *
 * @param consumer the consumer (bot) name; for {@code --documents}, the file name
 * @param consumerVersion the consumer version, or {@code null}
 * @param interaction the interaction description
 * @param operationName the GraphQL operation name, or {@code null}
 * @param outcome live replay's outcome class (e.g. {@code accepted}, {@code rejected}); {@code null} for static checks
 * @param errors what breaks, in the backend's order
 * @param warnings what does not break yet (deprecations)
 * @param source the pact or document file the operation comes from, or {@code null}
 * @param pending whether the interaction belongs to a pending pact (with {@code --enable-pending}):
 *     its failure is reported but does not fail the run
 * @param elapsed how long its replay took, or {@code null} where not measured (static checks, REST
 *     interactions, reports read back from JSON)
 */
public record InteractionReport(
    String consumer,
    String consumerVersion,
    String interaction,
    String operationName,
    String outcome,
    List<Finding> errors,
    List<Finding> warnings,
    SourceFile source,
    boolean pending,
    Duration elapsed) {

  public InteractionReport {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** A verdict of a pact that is not pending, without a known source file or a measured time. */
  public InteractionReport(
      String consumer,
      String consumerVersion,
      String interaction,
      String operationName,
      String outcome,
      List<Finding> errors,
      List<Finding> warnings) {
    this(consumer, consumerVersion, interaction, operationName, outcome, errors, warnings, null, false, null);
  }

  /**
   * The outcome of an interaction that is not GraphQL (REST, a message, a plugin) in a static
   * check: listed, never failing, never counted as a checked operation.
   */
  public static final String NOT_CHECKED = "not-checked";

  /**
   * The outcome of an interaction neither subpact nor Pact JVM can verify here (a message, a plugin
   * interaction): it carries an error saying so, so it fails the run and is never published as verified.
   */
  public static final String NOT_VERIFIED = "not-verified";

  public boolean ok() {
    return errors.isEmpty();
  }

  /** Whether this verdict fails the run: it broke and its pact is not pending. */
  public boolean blocks() {
    return !ok() && !pending;
  }

  /** The same verdict, marked pending. */
  public InteractionReport asPending() {
    return new InteractionReport(consumer, consumerVersion, interaction, operationName, outcome, errors, warnings, source, true, elapsed);
  }

  /** The same verdict, with the time its replay took. */
  public InteractionReport withElapsed(Duration time) {
    return new InteractionReport(consumer, consumerVersion, interaction, operationName, outcome, errors, warnings, source, pending, time);
  }

  /** False for an interaction a static check passed over because it is not GraphQL ({@link #NOT_CHECKED}). */
  public boolean checked() {
    return !NOT_CHECKED.equals(outcome);
  }

  /** {@code chat-bot 1.4.2}, or just the consumer when the version is unknown. */
  public String consumerLabel() {
    return consumerVersion == null ? consumer : consumer + " " + consumerVersion;
  }
}

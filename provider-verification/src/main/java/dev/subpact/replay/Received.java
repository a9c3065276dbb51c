package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.pact.ExpectedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The results one subscription received, and where the consumer's expected messages are among
 * them. By default each expected message must arrive, in order, among the messages received (a
 * backend may send initial updates before the event, as Strawberry does; the client kit waits for
 * the event among the others): the messages in between become notes, not failures. With {@code
 * exact} (request metadata {@code "graphql.messages": "exact"}) the expected messages must be the
 * first ones received, compared by position.
 */
final class Received {

  private static final int SHOWN = 200;

  private final List<ExpectedMessage> expected;
  private final boolean exact;
  private final List<JsonNode> messages = new ArrayList<>();
  private final List<Finding> notes = new ArrayList<>();
  private int found;
  private List<Finding> closest;

  Received(List<ExpectedMessage> expected, boolean exact) {
    this.expected = List.copyOf(expected);
    this.exact = exact;
  }

  void add(JsonNode message) {
    messages.add(message);
    if (exact || found == expected.size()) {
      return;
    }
    String label = "message " + messages.size();
    List<Finding> mismatches = MessageMatcher.mismatches(expected.get(found), message, label);
    if (mismatches.isEmpty()) {
      found++;
      closest = null;
      return;
    }
    String text = message.toString();
    notes.add(Finding.warning(FindingKind.OTHER, label + " is not expected message " + (found + 1) + " of " + expected.size()
        + " and was skipped (the pact does not ask for an exact sequence): "
        + (text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text)));
    if (closest == null || mismatches.size() < closest.size()) {
      closest = mismatches;
    }
  }

  /** How many results arrived. */
  int count() {
    return messages.size();
  }

  /** How many expected messages arrived (exact: how many of the first positions are filled). */
  int matched() {
    return exact ? Math.min(messages.size(), expected.size()) : found;
  }

  /** Whether every expected message is there (exact: whether as many messages as expected arrived). */
  boolean complete() {
    return matched() == expected.size();
  }

  /** The verdict once {@link #complete()}: accepted with the skipped messages as notes, or the mismatches by position. */
  Outcome verdict(String transport) {
    if (!exact) {
      return new Outcome.Accepted(transport, messages.size(), notes);
    }
    return byPosition(expected, messages.subList(0, expected.size()), transport);
  }

  /**
   * The verdict when time ran out before {@link #complete()}: the closest message to the one still
   * awaited, as a mismatch, if one arrived; else a time-out saying what is missing.
   */
  Outcome incomplete(String hint) {
    if (closest != null) {
      return new Outcome.DataMismatch(closest);
    }
    return new Outcome.TimedOut("waiting for message " + (matched() + 1) + " of " + expected.size()
        + " (the backend sent " + messages.size() + "); " + hint);
  }

  /**
   * The verdict when the backend completed the subscription before {@link #complete()}: the closest
   * message to the one still awaited, as a mismatch, if one arrived; else completed early.
   */
  Outcome completedEarly() {
    return closest != null ? new Outcome.DataMismatch(closest) : new Outcome.CompletedEarly(matched(), expected.size());
  }

  /** The expected messages compared with {@code actual} by position (HTTP answers, exact sequences). */
  static Outcome byPosition(List<ExpectedMessage> expected, List<JsonNode> actual, String transport) {
    List<Finding> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      mismatches.addAll(MessageMatcher.mismatches(expected.get(i), actual.get(i), "message " + (i + 1)));
    }
    return mismatches.isEmpty() ? new Outcome.Accepted(transport, actual.size(), List.of()) : new Outcome.DataMismatch(mismatches);
  }
}

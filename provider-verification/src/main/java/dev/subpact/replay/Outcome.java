package dev.subpact.replay;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.websocket.CloseCode;
import java.util.List;

/**
 * How the replay of one interaction ended. Every way it can end has its own class and name (the
 * {@code outcome} of the interaction in reports); only {@link Accepted} passes.
 */
public sealed interface Outcome {

  /** The stable name used in reports, e.g. {@code accepted}, {@code rejected}, {@code closed}. */
  String kind();

  /** What breaks, worded for people; empty only for {@link Accepted}. */
  List<Finding> errors();

  default boolean ok() {
    return errors().isEmpty();
  }

  /** What is worth knowing but breaks nothing (reported as warnings), e.g. messages skipped between expected ones. */
  default List<Finding> notes() {
    return List.of();
  }

  /**
   * The backend accepted the operation, on positive evidence: every expected message arrived and
   * matched; or, none being expected, a result arrived or the operation validates against the
   * build's schema, and no error came within the settle window.
   */
  record Accepted(String transport, int messages, List<Finding> notes) implements Outcome {
    public Accepted {
      notes = List.copyOf(notes);
    }

    public String kind() {
      return "accepted";
    }

    public List<Finding> errors() {
      return List.of();
    }
  }

  /**
   * No verdict can be trusted: the backend sent no error, but nothing positive shows that it
   * accepted the operation (no expected event arrived, and the operation could not be validated
   * against the build's schema), or nothing could make it publish the expected event. Not ok:
   * publishing treats it as not verified.
   *
   * @param missing what evidence is missing and how to provide it
   * @param staticErrors the build schema's errors for the operation, if it has some
   */
  record Unconfirmed(String missing, List<Finding> staticErrors) implements Outcome {
    public Unconfirmed {
      staticErrors = List.copyOf(staticErrors);
    }

    public String kind() {
      return "unconfirmed";
    }

    public List<Finding> errors() {
      List<Finding> errors = new java.util.ArrayList<>();
      errors.add(Finding.error(FindingKind.OTHER, "Not confirmed: " + missing + "."));
      errors.addAll(staticErrors);
      return errors;
    }
  }

  /** The backend refused the operation with GraphQL errors (validation or {@code errors} in a result). */
  record Rejected(List<Finding> errors) implements Outcome {
    public Rejected {
      errors = List.copyOf(errors);
    }

    public String kind() {
      return "rejected";
    }
  }

  /** The backend sent messages that do not match what the consumer expects (paths in each finding). */
  record DataMismatch(List<Finding> errors) implements Outcome {
    public DataMismatch {
      errors = List.copyOf(errors);
    }

    public String kind() {
      return "data-mismatch";
    }
  }

  /** The backend closed the WebSocket before the interaction ended. */
  record Closed(int code, String reason) implements Outcome {
    public String kind() {
      return "closed";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER, "The backend closed the WebSocket with " + code + " ("
          + CloseCode.meaning(code) + ")" + (reason == null || reason.isBlank() ? "" : ": " + reason) + "."));
    }
  }

  /** The backend never acknowledged {@code connection_init}. */
  record NoAck(String detail) implements Outcome {
    public String kind() {
      return "no-ack";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER, "The backend did not acknowledge connection_init: " + detail
          + ". Check " + ReplaySetting.INIT_PAYLOAD + " (API key) and that the endpoint is a GraphQL WebSocket server."));
    }
  }

  /** Nothing (or not everything expected) arrived before the deadline. */
  record TimedOut(String detail) implements Outcome {
    public String kind() {
      return "timed-out";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER, "Timed out " + detail + "."));
    }
  }

  /** Nothing answered at the backend's address, or the handshake failed. */
  record Unreachable(String detail) implements Outcome {
    public String kind() {
      return "unreachable";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER, "The backend is unreachable: " + detail
          + ". Is it running, and is the URL its GraphQL endpoint?"));
    }
  }

  /** The backend sent something that is not a message of the negotiated subprotocol. */
  record ProtocolViolation(String problem, String frame) implements Outcome {
    public String kind() {
      return "protocol-error";
    }

    public List<Finding> errors() {
      String shown = frame.length() > 200 ? frame.substring(0, 200) + "…" : frame;
      return List.of(Finding.error(FindingKind.OTHER, "The backend broke the protocol: " + problem + "; frame: " + shown));
    }
  }

  /** The backend completed the subscription before every expected message arrived. */
  record CompletedEarly(int received, int expected) implements Outcome {
    public String kind() {
      return "completed-early";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER, "The backend completed the subscription after " + received
          + " of " + expected + " expected message(s); a bot would stop receiving events."));
    }
  }

  /** A provider state could not be set up, triggered or torn down. */
  record StateChangeFailed(String state, String action, String problem) implements Outcome {
    public String kind() {
      return "state-change-failed";
    }

    public List<Finding> errors() {
      return List.of(Finding.error(FindingKind.OTHER,
          "Provider state '" + state + "' (" + action + ") failed: " + problem + "."));
    }
  }
}

package dev.subpact.capture;

import dev.subpact.graphql.check.Finding;
import java.util.List;

/** Told of each operation as it arrives, so breaks can be reported while the bot is still connected. */
public interface CaptureListener {

  /** No-op listener. */
  CaptureListener NONE = new CaptureListener() {};

  /**
   * The first of a distinct operation arrived (repeats are counted, not reported); {@code findings}
   * are the {@code --schema} check's (empty without a schema). Called on a server thread.
   */
  default void received(CapturedOperation operation, List<Finding> findings) {}

  /** Something arrived that is not a usable operation (the message says what and from whom). */
  default void problem(String message) {}
}

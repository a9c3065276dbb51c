package dev.subpact.graphql;

/**
 * The one error contract of subpact's libraries: an input that cannot be used (a schema, a pact, a
 * document, a broker's answer, an address), never a bug. Its message says what is wrong, why, and
 * how to fix it, in neutral words: no command-line flags (the CLI adds those and exits 2), no
 * stack trace needed to understand it. Programming errors stay {@link IllegalArgumentException},
 * {@link IllegalStateException} and the like, and a front end reports them as internal errors.
 */
public class SubpactException extends RuntimeException {

  private final String what;
  private final String why;
  private final String fix;

  /**
   * @param what what cannot be used, naming it (a file, a URL, an address)
   * @param why why not
   * @param fix how to fix it
   */
  public SubpactException(String what, String why, String fix, Throwable cause) {
    super(join(what, why, fix), cause);
    this.what = what;
    this.why = why;
    this.fix = fix;
  }

  /** A message that already says what, why and how to fix it, in one or more sentences. */
  public SubpactException(String message) {
    this(message, (Throwable) null);
  }

  /** A message that already says what, why and how to fix it, in one or more sentences. */
  public SubpactException(String message, Throwable cause) {
    super(message, cause);
    this.what = message;
    this.why = null;
    this.fix = null;
  }

  /** What cannot be used (the whole message when it was written as one). */
  public String what() {
    return what;
  }

  /** Why not, or {@code null} when the message says it. */
  public String why() {
    return why;
  }

  /** How to fix it, or {@code null} when the message says it. */
  public String fix() {
    return fix;
  }

  private static String join(String what, String why, String fix) {
    return what + ": " + why + ". " + fix;
  }
}

package dev.subpact.cli;

/** The exit codes every subcommand shares (the footer of every {@code --help} lists them). */
public final class ExitCodes {
  /** Everything passed. */
  public static final int OK = 0;
  /** A contract breaks (or can-i-deploy says no). */
  public static final int BROKEN = 1;
  /** Bad input: a file, option or URL that cannot be used; the message says which and why. */
  public static final int BAD_INPUT = 2;
  /** An internal error: a bug in subpact or a failure of its environment, never a verdict on a contract. */
  public static final int INTERNAL_ERROR = 3;

  /** The footer of every command's {@code --help}. */
  static final String[] FOOTER = {
    "",
    "Exit codes: 0 all pass; 1 a contract breaks (can-i-deploy: no); 2 bad input (the message says which and why);",
    "3 internal error (one line says where the stack trace went; --debug prints it)."
  };

  private ExitCodes() {}
}

package dev.subpact.cli;

/** The exit codes every subcommand shares. */
public final class ExitCodes {
  /** Everything passed. */
  public static final int OK = 0;
  /** A contract breaks (or can-i-deploy says no). */
  public static final int BROKEN = 1;
  /** Bad input: a file, option or URL that cannot be used; the message says which and why. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {}
}

package dev.subpact.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} alone, for commands whose {@code -e/--version} option names a pacticipant
 * version as the official Pact CLI does (picocli's standard help mixin would claim {@code --version}).
 */
public final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;
}

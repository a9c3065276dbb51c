package dev.subpact.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a rendered report goes: {@code --output FILE}, else standard output. */
final class ReportOutput {

  private ReportOutput() {}

  static void write(PrintWriter out, Path output, String rendered) {
    if (output == null) {
      out.print(rendered);
      out.flush();
      return;
    }
    try {
      Files.writeString(output, rendered, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException("Cannot write the report to " + output + ": " + e.getMessage(), e);
    }
  }
}

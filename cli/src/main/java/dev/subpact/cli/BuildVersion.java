package dev.subpact.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** {@code subpact --version}: the version Maven built, from the filtered {@code version.properties}. */
final class BuildVersion implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"subpact " + version(), "Java " + System.getProperty("java.version")};
  }

  static String version() {
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the CLI's classpath: rebuild the jar (./mvnw -pl cli -am package)");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

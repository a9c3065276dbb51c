package dev.subpact.container;

import dev.subpact.graphql.pact.Transport;
import java.net.URI;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The backend build a team's CI just produced, in a container, for a provider test to replay the
 * bots' contracts against. The image comes from configuration: system property
 * {@value #IMAGE_PROPERTY}, else environment variable {@value #IMAGE_ENV}; its GraphQL path from
 * {@value #PATH_PROPERTY} or {@value #PATH_ENV} (default {@code /graphql}). Started when its
 * GraphQL endpoint answers HTTP at all (a GraphiQL page, or 4xx for a GET without a query), not 5xx.
 *
 * <pre>{@code
 * @Container static BackendContainer backend = BackendContainer.fromConfiguration();
 * ... new SubpactTestTarget(ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl()).build())
 * }</pre>
 */
public final class BackendContainer extends GenericContainer<BackendContainer> {

  public static final String IMAGE_PROPERTY = "subpact.backend.image";
  public static final String IMAGE_ENV = "SUBPACT_BACKEND_IMAGE";
  public static final int DEFAULT_PORT = 8000;
  public static final String PATH_PROPERTY = "subpact.backend.path";
  public static final String PATH_ENV = "SUBPACT_BACKEND_PATH";
  public static final String DEFAULT_PATH = Transport.CONVENTIONAL_PATH;
  public static final String DEFAULT_STATE_PATH = "/_subpact/state";

  private final int port;
  private final String graphqlPath;

  public BackendContainer(DockerImageName image, int port, String graphqlPath) {
    super(image);
    this.port = port;
    this.graphqlPath = graphqlPath;
    withExposedPorts(port);
    waitingFor(Wait.forHttp(graphqlPath).forPort(port)
        .forStatusCodeMatching(status -> status < 500)
        .withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** The image named by {@value #IMAGE_PROPERTY} or {@value #IMAGE_ENV}, on port 8000, at the configured path. */
  public static BackendContainer fromConfiguration() {
    String path = System.getProperty(PATH_PROPERTY, System.getenv(PATH_ENV));
    return new BackendContainer(DockerImageName.parse(configuredImage()), DEFAULT_PORT,
        path == null || path.isBlank() ? DEFAULT_PATH : path);
  }

  /**
   * The configured image name.
   *
   * @throws IllegalStateException saying how to configure it when neither is set
   */
  public static String configuredImage() {
    String image = System.getProperty(IMAGE_PROPERTY);
    if (image == null || image.isBlank()) {
      image = System.getenv(IMAGE_ENV);
    }
    if (image == null || image.isBlank()) {
      throw new IllegalStateException("No backend image configured: pass -D" + IMAGE_PROPERTY
          + "=registry/backend:tag or export " + IMAGE_ENV + "=registry/backend:tag (the image your CI just built).");
    }
    return image;
  }

  public URI websocketUrl() {
    return URI.create("ws://" + getHost() + ":" + getMappedPort(port) + graphqlPath);
  }

  public URI httpUrl() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(port) + graphqlPath);
  }

  /** The provider-state endpoint, at {@value #DEFAULT_STATE_PATH} on the same port. */
  public URI stateUrl() {
    return URI.create("http://" + getHost() + ":" + getMappedPort(port) + DEFAULT_STATE_PATH);
  }
}

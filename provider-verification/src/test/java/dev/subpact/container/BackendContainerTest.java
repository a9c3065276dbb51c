package dev.subpact.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The backend image in a container, replayed against. Needs a Docker daemon and a configured image:
 * elsewhere the replay test is skipped with that reason (the reference backend covers replay).
 */
class BackendContainerTest {

  @Test
  void an_unconfigured_image_says_how_to_configure_it() {
    assumeTrue(System.getProperty(BackendContainer.IMAGE_PROPERTY) == null && System.getenv(BackendContainer.IMAGE_ENV) == null,
        "an image is configured here");
    assertThatThrownBy(BackendContainer::configuredImage)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("-D" + BackendContainer.IMAGE_PROPERTY)
        .hasMessageContaining(BackendContainer.IMAGE_ENV);
  }

  @Test
  void the_configured_image_is_replayed_against_the_incident_contracts() {
    assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "No Docker daemon is available here, so the backend container cannot start; the reference backend tests cover replay.");
    String image = System.getProperty(BackendContainer.IMAGE_PROPERTY, System.getenv(BackendContainer.IMAGE_ENV));
    assumeTrue(image != null && !image.isBlank(),
        "No backend image configured (-D" + BackendContainer.IMAGE_PROPERTY + " or " + BackendContainer.IMAGE_ENV + ").");
    System.setProperty(BackendContainer.PATH_PROPERTY, System.getProperty(BackendContainer.PATH_PROPERTY, Incident.PATH));
    try (BackendContainer backend = BackendContainer.fromConfiguration()) {
      backend.start();
      Report report = ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl()).httpUrl(backend.httpUrl())
          .stateUrl(backend.stateUrl()).build(), Incident.crashedContracts());
      assertThat(report.results()).hasSize(20).allSatisfy(r -> assertThat(r.outcome()).isNotEqualTo("unreachable"));
    }
  }
}

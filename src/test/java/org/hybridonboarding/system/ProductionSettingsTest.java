package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

  static MockEnvironment complete() {
    MockEnvironment environment = new MockEnvironment();
    ProductionSettings.REQUIRED.keySet().forEach(property -> environment.setProperty(property, "set"));
    ProductionSettings.GROUPS.keySet().forEach(group -> environment.setProperty("onboarding.identity.groups[" + group + "]",
        "CN=" + group + ",OU=Groups,DC=contoso,DC=com"));
    environment.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/onboarding");
    environment.setProperty("onboarding.graph.client-secret", "secret");
    environment.setProperty("server.ssl.key-store", "/certs/onboarding.p12");
    return environment;
  }

  @Test
  void everyMissingSettingIsNamedWithItsVariable() {
    MockEnvironment environment = complete();
    environment.setProperty("onboarding.identity.groups[onboarding-approvers]", "");
    environment.setProperty("onboarding.graph.client-secret", "");
    environment.setProperty("spring.datasource.url", "jdbc:h2:mem:x");

    assertThatThrownBy(() -> ProductionSettings.check(environment))
        .hasMessageContaining("onboarding.identity.groups.onboarding-approvers (ONBOARDING_GROUP_APPROVERS)")
        .hasMessageContaining("ONBOARDING_GRAPH_CLIENT_SECRET")
        .hasMessageContaining("must be a PostgreSQL URL")
        .hasMessageNotContaining("secret\n");
  }

  @Test
  void aCompleteSetStarts() {
    assertThatCode(() -> ProductionSettings.check(complete())).doesNotThrowAnyException();
  }

  @Test
  void theProdProfileDoesNotStartWithoutItsSettings() {
    assertThatThrownBy(() -> new org.springframework.boot.builder.SpringApplicationBuilder(
            org.hybridonboarding.HybridOnboardingApplication.class)
        .profiles("prod").web(org.springframework.boot.WebApplicationType.NONE).run())
        .hasMessageContaining("The prod profile needs these settings")
        .hasMessageContaining("spring.datasource.url (ONBOARDING_DB_URL)")
        .hasMessageContaining("spring.ldap.urls (ONBOARDING_LDAP_URL)");
  }

  /** The compose file is how most will run prod: it must hand the node every setting the profile requires. */
  @Test
  void theComposeFileSetsEveryRequiredVariable() throws java.io.IOException {
    String compose = java.nio.file.Files.readString(java.nio.file.Path.of("docker", "compose.yaml"));
    assertThat(java.util.stream.Stream.concat(ProductionSettings.REQUIRED.values().stream(),
            ProductionSettings.GROUPS.values().stream()).toList())
        .allSatisfy(variable -> assertThat(compose).as("docker/compose.yaml").contains("      " + variable + ":"));
  }

  /** Camunda's own users instead of the directory's: then the first admin must be given, not the groups. */
  @Test
  void withDatabaseUsersTheFirstAdminIsRequiredAndNoGroup() {
    MockEnvironment environment = complete();
    ProductionSettings.GROUPS.keySet().forEach(group -> environment.setProperty("onboarding.identity.groups[" + group + "]", ""));
    environment.setProperty("onboarding.identity.source", "database");

    assertThatThrownBy(() -> ProductionSettings.check(environment))
        .hasMessageContaining("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password")
        .hasMessageNotContaining("onboarding.identity.groups");
    environment.setProperty("camunda.bpm.admin-user.id", "admin");
    environment.setProperty("camunda.bpm.admin-user.password", "a long secret");
    assertThatCode(() -> ProductionSettings.check(environment)).doesNotThrowAnyException();
  }

  @Test
  void withoutTlsNorAProxyItNamesBoth() {
    MockEnvironment environment = complete();
    environment.setProperty("server.ssl.key-store", "");

    assertThatThrownBy(() -> ProductionSettings.check(environment))
        .hasMessageContaining("server.ssl.key-store (SERVER_SSL_KEY_STORE")
        .hasMessageContaining("onboarding.http.behind-tls-proxy=true (ONBOARDING_HTTP_BEHIND_TLS_PROXY)");
  }

  @Test
  void behindATlsProxyForwardedHeadersCountAndTheSessionCookieIsSecure() {
    MockEnvironment environment = complete();
    environment.setProperty("server.ssl.key-store", "");
    environment.setProperty("onboarding.http.behind-tls-proxy", "true");

    assertThatCode(() -> ProductionSettings.check(environment)).doesNotThrowAnyException();
    assertThat(ProductionSettings.tlsDefaults(environment))
        .containsEntry("server.forward-headers-strategy", "native")
        .containsEntry("server.servlet.session.cookie.secure", "true");
  }
}

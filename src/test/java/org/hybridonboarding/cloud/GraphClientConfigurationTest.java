package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GraphClientConfigurationTest {

  static GraphProperties graph(String tenant, String client, String secret, String certificate, String token) {
    return new GraphProperties("https://graph.microsoft.com/v1.0", tenant, client, secret, certificate, null, token, 5,
        Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(60), 2700, Duration.ofSeconds(150));
  }

  @Test
  void aClientSecretOrCertificateUsesAzureIdentity() {
    assertThat(GraphClientConfiguration.authentication(graph("t", "c", "s", null, null)))
        .isInstanceOf(AzureIdentityAuthenticationProvider.class);
    assertThat(GraphClientConfiguration.authentication(graph("t", "c", null, "/etc/onboarding/graph.pem", null)))
        .isInstanceOf(AzureIdentityAuthenticationProvider.class);
  }

  @Test
  void theDemosStaticTokenIsForTheSimulatorOnly() {
    assertThat(GraphClientConfiguration.authentication(graph(null, null, null, null, "demo")))
        .isInstanceOf(BaseBearerTokenAuthenticationProvider.class)
        .isNotInstanceOf(AzureIdentityAuthenticationProvider.class);
  }

  @Test
  void missingSettingsAreNamed() {
    assertThatThrownBy(() -> GraphClientConfiguration.authentication(graph(null, "c", "s", null, null)))
        .hasMessageContaining("onboarding.graph.tenant-id");
    assertThatThrownBy(() -> GraphClientConfiguration.authentication(graph(null, null, null, null, null)))
        .hasMessageContaining("ONBOARDING_GRAPH_CLIENT_SECRET");
  }

  @Test
  void theSecretIsNeverPrinted() {
    assertThat(graph("t", "c", "s3cr3t-value", null, "tok3n-value").toString())
        .doesNotContain("s3cr3t-value").doesNotContain("tok3n-value");
  }

  @Test
  void writesAreSpreadEvenlyOverTheWindow() throws Exception {
    java.util.List<Long> slept = new java.util.ArrayList<>();
    long[] now = {0};
    GraphPacer pacer = new GraphPacer(10, Duration.ofSeconds(1), () -> now[0], nanos -> {
      slept.add(nanos);
      now[0] += nanos;
    });
    for (int i = 0; i < 25; i++) {
      pacer.awaitWritePermit();
    }
    // 10 per second: one every 100 ms, the first at once; 25 writes take 2.4 s however fast they come.
    assertThat(slept).hasSize(24).allMatch(nanos -> nanos == 100_000_000L);
    assertThat(now[0]).isEqualTo(2_400_000_000L);
  }
}

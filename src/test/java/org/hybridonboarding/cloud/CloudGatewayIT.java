package org.hybridonboarding.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.cloud.CloudUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Graph gateway against the simulated tenant: what each Graph answer becomes. */
class CloudGatewayIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;

  @Autowired
  CloudGateway cloud;


  private String synced(String immutableId, String alias, String usageLocation) {
    return simulator.addSyncedUser(immutableId, alias, alias + "@contoso.com", alias + "@contoso.com", alias, null, alias,
        alias, usageLocation);
  }

  @Test
  void findsTheSyncedUserByImmutableId() {
    String id = synced("+/8AAAAAAAAAAAAAAAAAAA==", "cg.find", "US");

    assertThat(cloud.findSyncedUser("+/8AAAAAAAAAAAAAAAAAAA=="))
        .contains(new CloudUser(id, "cg.find@contoso.com", "US"));
    assertThat(cloud.findSyncedUser("/////////////////////w==")).isEmpty();
  }

  @Test
  void setsTheUsageLocationSyncDidNotBringThenLicenses() {
    String id = synced("AAEAAAAAAAAAAAAAAAAAAA==", "cg.usage", null);

    String skuId = cloud.assignLicense(id, "FR", "SPE_E3");

    assertThat(skuId).isEqualTo("05e9a617-0261-4cee-bb44-138d3ef5d965");
    SimulatorControls.CloudUser user = simulator.cloudUser(id);
    assertThat(user.usageLocation()).isEqualTo("FR");
    assertThat(user.assignedSkuIds()).hasSize(1);
    // Again: nothing more is consumed.
    int consumed = simulator.consumedSeats("SPE_E3");
    cloud.assignLicense(id, "FR", "SPE_E3");
    assertThat(simulator.consumedSeats("SPE_E3")).isEqualTo(consumed);
  }

  @Test
  void noFreeSeatIsABusinessError() {
    int free = simulator.freeSeats("ENTERPRISEPACK");
    for (int i = 0; i < free; i++) {
      cloud.assignLicense(synced("AAIAAAAAAAAAAAAAAAAA" + (char) ('A' + i) + "A==", "cg.seat" + i, "US"), "US", "ENTERPRISEPACK");
    }
    String last = synced("AAMAAAAAAAAAAAAAAAAAAA==", "cg.noseat", "US");

    assertThatThrownBy(() -> cloud.assignLicense(last, "US", "ENTERPRISEPACK"))
        .isInstanceOfSatisfying(CloudException.class, e -> {
          assertThat(e.code()).isEqualTo(CloudException.Code.NO_FREE_SEAT);
          assertThat(e.getMessage()).contains("does not have any available licenses");
        });
  }

  @Test
  void anUnknownSkuIsALicenceError() {
    String id = synced("AAQAAAAAAAAAAAAAAAAAAA==", "cg.unknown", "US");

    assertThatThrownBy(() -> cloud.assignLicense(id, "US", "NO_SUCH_SKU"))
        .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.code()).isEqualTo(CloudException.Code.LICENSE_ERROR));
  }

  @Test
  void theMailboxIsThereOnlyAfterProvisioning() {
    String id = synced("AAUAAAAAAAAAAAAAAAAAAA==", "cg.mailbox", "US");
    assertThat(cloud.hasMailbox(id)).isFalse();

    cloud.assignLicense(id, "US", "SPE_E3");
    assertThat(cloud.hasMailbox(id)).isFalse();

    await().atMost(Duration.ofSeconds(10)).until(() -> cloud.hasMailbox(id));
  }
}

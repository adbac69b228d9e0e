package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hybridonboarding.DemoIntegrationTest;
import org.hybridonboarding.simulation.SimulatorControls;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Cancelling a running onboarding undoes it in the cloud and in AD. */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    // A DN holds commas: one list element per index, or Spring splits it into four.
    "onboarding.directory.department-groups.Finance[0]=CN=Finance,OU=Groups,DC=contoso,DC=com",
})
class CancellationIT extends DemoIntegrationTest {

  @Autowired
  SimulatorControls simulator;


  private SearchResultEntry account(String employeeId) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      return ldap.searchForEntry("DC=contoso,DC=com", SearchScope.SUB, "(employeeID=" + employeeId + ")", "*");
    }
  }

  private HttpResponse<String> delete(String path, String user) {
    return send(request(path, user).DELETE().build());
  }

  @Test
  void cancellingDuringTheMailboxWaitUndoesLicenceGroupsAndAccount() throws Exception {
    simulator.setMailboxDelay(Duration.ofHours(1));
    int consumedBefore = simulator.consumedSeats("SPE_E3");
    startOnboarding(request("K00001", "Cora", "Cancel", ""));
    await().atMost(Duration.ofSeconds(30)).until(() -> status("K00001").path("currentSteps").toString(),
        steps -> steps.contains("Next mailbox poll"));
    assertThat(simulator.consumedSeats("SPE_E3")).isEqualTo(consumedBefore + 1);
    String cloudUserId = status("K00001").path("cloud").path("userId").asText();
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      assertThat(ldap.getEntry("CN=Finance,OU=Groups,DC=contoso,DC=com").getAttributeValues("member"))
          .anySatisfy(m -> assertThat(m).containsIgnoringCase("Cora Cancel"));
    }

    HttpResponse<String> cancelled = delete("/api/onboardings/K00001?reason=Offer%20withdrawn", "hr-system");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);

    JsonNode status = awaitSettled("K00001");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("CANCELLED");
    SearchResultEntry account = account("K00001");
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=Cora Cancel,OU=Quarantine,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("514");
    assertThat(account.getAttributeValue("description")).startsWith("Onboarding cancelled by hr-system: Offer withdrawn on ");
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      String[] members = ldap.getEntry("CN=Finance,OU=Groups,DC=contoso,DC=com").getAttributeValues("member");
      assertThat(members == null ? new String[0] : members).noneSatisfy(m -> assertThat(m).containsIgnoringCase("Cora Cancel"));
    }
    // The seat came back at once; the next sync deletes the user that left its scope.
    assertThat(simulator.consumedSeats("SPE_E3")).isEqualTo(consumedBefore);
    await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.cloudUserExists(cloudUserId));
    simulator.setMailboxDelay(Duration.ofSeconds(2));

    HttpResponse<String> again = delete("/api/onboardings/K00001", "hr-system");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void anotherSystemCancelsWithTheMessage() throws Exception {
    simulator.setMailboxDelay(Duration.ofHours(1));
    try {
      startOnboarding(request("K00002", "Mia", "Message", ""));
      await().atMost(Duration.ofSeconds(30)).until(() -> status("K00002").path("currentSteps").toString(),
          steps -> steps.contains("Next mailbox poll"));

      // A poll of the onboarding may run at that very moment: then the engine refuses the correlation
      // with nothing changed (500, OptimisticLockingException), and a client sends it again, as
      // DELETE /api/onboardings/{id} does by itself.
      HttpResponse<String> sent = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
          .until(() -> post("/engine-rest/message", "hr-system", """
              {"messageName":"CancelOnboarding","businessKey":"K00002",
               "processVariables":{"cancellationReason":{"value":"Contract not signed","type":"String"}}}"""),
              answer -> !answer.body().contains("OptimisticLockingException"));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);

      JsonNode status = awaitSettled("K00002");
      assertThat(status.path("status").asText()).isEqualTo("CANCELLED");
      assertThat(account("K00002").getAttributeValue("description")).contains("Contract not signed");
    } finally {
      simulator.setMailboxDelay(Duration.ofSeconds(2));
    }
  }

  @Test
  void cancellingWhatIsNotThereOrNotYoursIsRefused() {
    assertThat(delete("/api/onboardings/K99999", "hr-system").statusCode()).isEqualTo(404);
    assertThat(delete("/api/onboardings/K99999", "approver").statusCode()).isEqualTo(403);
    assertThat(delete("/api/onboardings/K99999", null).statusCode()).isEqualTo(401);
  }
}

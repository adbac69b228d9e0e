package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo with onboarding.directory.embedded=false: the simulated tenant and its Connect Sync,
 * but a real Samba AD domain controller over LDAPS as the directory.
 */
// Sign-in stays with Camunda's own demo users here: SambaSignInIT signs in with Samba accounts.
@TestPropertySource(properties = {"onboarding.directory.embedded=false", "onboarding.identity.source=database"})
class SambaOnboardingIT extends DemoIntegrationTest {

  static SambaTestDirectory samba;
  /** The Samba domain lives on between test classes: ids and names unique to this run. */
  static final String RUN = Integer.toString(new Random().nextInt(90_000) + 10_000);

  @BeforeAll
  static void requireSamba() {
    samba = SambaTestDirectory.require();
  }

  @DynamicPropertySource
  static void samba(DynamicPropertyRegistry registry) {
    SambaTestDirectory directory = samba != null ? samba : SambaTestDirectory.require();
    registry.add("spring.ldap.urls", directory::url);
    registry.add("spring.ldap.base", directory::base);
    registry.add("spring.ldap.username", directory::username);
    registry.add("spring.ldap.password", directory::password);
  }

  @Autowired
  LdapTemplate ldap;
  @Autowired
  GraphServiceClient graph;

  @Test
  void onboardsIntoARealDomainController() throws Exception {
    String employeeId = "S" + RUN;
    startOnboarding(request(employeeId, "Sam", "Samba" + RUN, ""));
    approve(employeeId, true);

    JsonNode status = awaitSettled(employeeId);
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    List<DirContextOperations> found = ldap.search(query().where("employeeID").is(employeeId),
        (Object o) -> (DirContextOperations) o);
    assertThat(found).hasSize(1);
    DirContextOperations account = found.get(0);
    assertThat(account.getNameInNamespace()).isEqualToIgnoringCase("CN=Sam Samba" + RUN + ",OU=Staff,DC=contoso,DC=com");
    assertThat(account.getStringAttribute("userAccountControl")).isEqualTo("512");
    assertThat(account.getStringAttribute("pwdLastSet")).isEqualTo("0");
    assertThat(account.getStringAttribute("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(account.getStringAttribute("targetAddress")).isEqualTo("SMTP:sam.samba" + RUN + "@contoso.mail.onmicrosoft.com");
    assertThat(account.getStringAttribute("manager")).isEqualToIgnoringCase("CN=Megan Bowen,OU=Staff,DC=contoso,DC=com");
    String immutableId = Base64.getEncoder().encodeToString((byte[]) account.getObjectAttribute("objectGUID"));

    User cloudUser = graph.users().byUserId(status.path("cloud").path("userId").asText())
        .get(rc -> rc.queryParameters.select = new String[] {"onPremisesImmutableId", "assignedLicenses"});
    assertThat(cloudUser.getOnPremisesImmutableId()).isEqualTo(immutableId);
    assertThat(cloudUser.getAssignedLicenses()).hasSize(1);
    assertThat(status.path("cloud").path("credentialsSentTo").asText()).isEqualTo("megan.bowen@contoso.com");
  }
  /** A mover on a real domain controller: a modrdn into the department's OU under a new name keeps the objectGUID; the department groups swap. */
  @Test
  void movesAnAccountToAnotherDepartmentOnARealDomainController() throws Exception {
    String employeeId = "T" + RUN;
    startOnboarding(request(employeeId, "Tom", "Mover" + RUN, ""));
    approve(employeeId, true);
    JsonNode onboarded = awaitSettled(employeeId);
    assertThat(onboarded.path("status").asText()).as(onboarded.toString()).isEqualTo("ONBOARDED");
    DirContextOperations before = account(employeeId);
    String finance = "CN=Finance,OU=Groups,DC=contoso,DC=com";
    String sales = "CN=Sales,OU=Groups,DC=contoso,DC=com";
    assertThat(members(finance)).contains(before.getNameInNamespace().toLowerCase(java.util.Locale.ROOT));

    var started = post("/api/transfers", "hr-system", "{\"employeeId\":\"" + employeeId + "\",\"effectiveDate\":\""
        + java.time.LocalDate.now() + "\",\"department\":\"Sales\",\"jobTitle\":\"Account Manager\",\"surname\":\"Renamed" + RUN
        + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    JsonNode transfer = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
        .pollInterval(java.time.Duration.ofMillis(500))
        .until(() -> JSON.readTree(get("/api/transfers/" + employeeId, "hr-system").body()),
            s -> !s.path("status").asText().matches("SCHEDULED|RUNNING") || !s.path("incidents").isEmpty());
    assertThat(transfer.path("status").asText()).as(transfer.toString()).isEqualTo("TRANSFERRED");

    DirContextOperations after = account(employeeId);
    // One modrdn moves and renames it.
    assertThat(after.getNameInNamespace()).isEqualToIgnoringCase("CN=Tom Renamed" + RUN + ",OU=Sales,OU=Staff,DC=contoso,DC=com");
    assertThat(after.getStringAttribute("sAMAccountName")).isEqualTo(before.getStringAttribute("sAMAccountName"));
    assertThat(after.getStringAttribute("userPrincipalName")).isEqualTo("tom.renamed" + RUN + "@contoso.com");
    assertThat(after.getStringAttributes("proxyAddresses")).contains("SMTP:tom.renamed" + RUN + "@contoso.com",
        "smtp:tom.mover" + RUN + "@contoso.com");
    assertThat((byte[]) after.getObjectAttribute("objectGUID")).isEqualTo((byte[]) before.getObjectAttribute("objectGUID"));
    assertThat(after.getStringAttribute("department")).isEqualTo("Sales");
    assertThat(after.getStringAttribute("title")).isEqualTo("Account Manager");
    assertThat(members(finance)).doesNotContain(after.getNameInNamespace().toLowerCase(java.util.Locale.ROOT));
    assertThat(members(sales)).contains(after.getNameInNamespace().toLowerCase(java.util.Locale.ROOT));
    assertThat(transfer.path("done").path("cloudUserId").asText()).isEqualTo(onboarded.path("cloud").path("userId").asText());
  }

  private DirContextOperations account(String employeeId) {
    List<DirContextOperations> found = ldap.search(query().where("employeeID").is(employeeId),
        (Object o) -> (DirContextOperations) o);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private List<String> members(String groupDn) {
    String[] members = ldap.lookupContext(org.springframework.ldap.support.LdapUtils.removeFirst(
        org.springframework.ldap.support.LdapUtils.newLdapName(groupDn),
        org.springframework.ldap.support.LdapUtils.newLdapName("DC=contoso,DC=com"))).getStringAttributes("member");
    return members == null ? List.of() : java.util.Arrays.stream(members).map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList();
  }
}

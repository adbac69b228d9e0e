package org.hybridonboarding.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapUtils;

/** The simulated Connect Sync reads AD over LDAP and exports what the real one exports. */
class ConnectSyncIT {

  /** The demo directory's users in sync scope: Megan Bowen, Alex Wilber, the onboarding mailbox, the leaver Lee Gu. */
  private static final int SEEDED = SimulationConfiguration.SEEDED_MAILBOXES.size();

  static final String BASE = "DC=contoso,DC=com";
  static final String ADMIN = "CN=admin,DC=contoso,DC=com";

  EmbeddedDirectory directory;
  SimulatedTenant tenant;
  ConnectSync sync;
  LDAPConnection ldap;

  @BeforeEach
  void start() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    LdapProperties properties = new LdapProperties();
    properties.setUrls(new String[] {"ldap://localhost:0"});
    properties.setBase(BASE);
    properties.setUsername(ADMIN);
    properties.setPassword("admin");
    directory = new EmbeddedDirectory(properties, clock);
    LdapContextSource source = new LdapContextSource();
    source.setUrl("ldap://localhost:" + directory.port());
    source.setBase(BASE);
    source.setUserDn(ADMIN);
    source.setPassword("admin");
    source.setBaseEnvironmentProperties(Map.of("java.naming.ldap.attributes.binary", "objectGUID msExchMailboxGuid"));
    source.afterPropertiesSet();
    SimulatorProperties simulator = TestSimulators.properties(Duration.ofSeconds(20));
    tenant = new SimulatedTenant(clock, simulator);
    sync = new ConnectSync(new LdapTemplate(source), LdapUtils.newLdapName(BASE), tenant, simulator);
    ldap = new LDAPConnection("localhost", directory.port(), ADMIN, "admin");
  }

  @AfterEach
  void stop() {
    sync.close();
    ldap.close();
    directory.close();
  }

  static Entry user(String ou, String cn, String sam, String upn, String uac) {
    return new Entry("CN=" + cn + ",OU=" + ou + "," + BASE,
        new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
        new Attribute("cn", cn), new Attribute("sn", "Lee"), new Attribute("givenName", "Ann"),
        new Attribute("sAMAccountName", sam), new Attribute("userPrincipalName", upn),
        new Attribute("employeeID", "E50001"), new Attribute("msExchUsageLocation", "NL"),
        new Attribute("targetAddress", "SMTP:" + sam + "@contoso.mail.onmicrosoft.com"),
        new Attribute("userAccountControl", uac));
  }

  /** count enabled users in OU=Staff named "Name i", sAMAccountName namei, employeeID N i. */
  private void addStaff(String name, int count) throws Exception {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < count; i++) {
      Entry entry = user("Staff", name + " " + i, lower + i, lower + i + "@contoso.com", "512");
      entry.setAttribute("employeeID", name.charAt(0) + "" + i);
      ldap.add(entry);
    }
  }

  private SimulatedTenant.User only(String sam) {
    return tenant.users().stream().filter(u -> sam.equals(u.source.samAccountName())).findFirst().orElseThrow();
  }

  @Test
  void exportsTheUsersInScopeAnchoredOnObjectGuid() throws Exception {
    ldap.add(user("Staff", "Ann Lee", "ann.lee", "ann.lee@contoso.com", "512"));
    byte[] guid = ldap.getEntry("CN=Ann Lee,OU=Staff," + BASE, "objectGUID").getAttributeValueBytes("objectGUID");

    assertThat(sync.runCycle()).isEqualTo(1 + SEEDED);

    SimulatedTenant.User ann = only("ann.lee");
    assertThat(ann.source.immutableId()).isEqualTo(Base64.getEncoder().encodeToString(guid));
    assertThat(ann.userPrincipalName).isEqualTo("ann.lee@contoso.com");
    assertThat(ann.usageLocation).isEqualTo("NL");
    assertThat(ann.source.employeeId()).isEqualTo("E50001");
    assertThat(ann.source.accountEnabled()).isTrue();
    assertThat(ann.source.remoteMailbox()).isTrue();
  }

  @Test
  void readsAScopeLargerThanOnePage() throws Exception {
    addStaff("Bulk", 1_100);

    assertThat(sync.runCycle()).isEqualTo(1_100 + SEEDED);
    assertThat(tenant.users()).hasSize(1_100 + SEEDED);
  }

  @Test
  void usersOutsideTheScopeStayOnPremises() throws Exception {
    ldap.add(user("Quarantine", "Ann Lee", "ann.lee", "ann.lee@contoso.com", "514"));

    sync.runCycle();

    assertThat(tenant.users()).extracting(u -> u.source.samAccountName()).doesNotContain("ann.lee");
  }

  @Test
  void aSecondCycleUpdatesInsteadOfDuplicating() throws Exception {
    ldap.add(user("Staff", "Ann Lee", "ann.lee", "ann.lee@contoso.local", "514"));
    sync.runCycle();
    String id = only("ann.lee").id;
    assertThat(only("ann.lee").userPrincipalName).isEqualTo("ann.lee@contoso.onmicrosoft.com");
    assertThat(only("ann.lee").source.accountEnabled()).isFalse();

    ldap.modify("CN=Ann Lee,OU=Staff," + BASE,
        new Modification(ModificationType.REPLACE, "userPrincipalName", "ann.lee@contoso.com"),
        new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
    sync.runCycle();

    SimulatedTenant.User ann = only("ann.lee");
    assertThat(ann.id).isEqualTo(id);
    assertThat(ann.userPrincipalName).isEqualTo("ann.lee@contoso.com");
    assertThat(ann.source.accountEnabled()).isTrue();
    assertThat(tenant.users()).hasSize(1 + SEEDED);
  }

  @Test
  void betweenFullImportsReadsOnlyWhatChangedAndSeesUsersLeaveTheScope() throws Exception {
    addStaff("Same", 50);
    assertThat(sync.runCycle()).as("the first cycle reads everything").isEqualTo(50 + SEEDED);
    sync.runCycle();
    assertThat(sync.runCycle()).as("nothing changed: a delta reads nothing").isZero();

    ldap.modify("CN=Same 7,OU=Staff," + BASE, new Modification(ModificationType.REPLACE, "title", "Buyer"));
    ldap.add(user("Staff", "Ann Lee", "ann.lee", "ann.lee@contoso.com", "512"));
    assertThat(sync.runCycle()).as("the changed and the new user").isEqualTo(2);
    assertThat(only("same7").source.jobTitle()).isEqualTo("Buyer");
    assertThat(tenant.users()).hasSize(50 + SEEDED + 1);

    ldap.modifyDN("CN=Ann Lee,OU=Staff," + BASE, "CN=Ann Lee", true, "OU=Quarantine," + BASE);
    sync.runCycle();
    assertThat(tenant.users()).extracting(u -> u.source.samAccountName()).doesNotContain("ann.lee").hasSize(50 + SEEDED);
  }

  @Test
  void uSNChangedIsTheDirectorysToWrite() throws Exception {
    ldap.add(user("Staff", "Ann Lee", "ann.lee", "ann.lee@contoso.com", "512"));
    long created = Long.parseLong(ldap.getEntry("CN=Ann Lee,OU=Staff," + BASE, "uSNChanged").getAttributeValue("uSNChanged"));
    ldap.modify("CN=Ann Lee,OU=Staff," + BASE, new Modification(ModificationType.REPLACE, "title", "Buyer"));
    long changed = Long.parseLong(ldap.getEntry("CN=Ann Lee,OU=Staff," + BASE, "uSNChanged").getAttributeValue("uSNChanged"));
    assertThat(changed).isGreaterThan(created);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ldap.modify("CN=Ann Lee,OU=Staff," + BASE,
        new Modification(ModificationType.REPLACE, "uSNChanged", "1"))))
        .hasMessageContaining("000020B1");
  }
}

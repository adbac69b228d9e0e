package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.hybridonboarding.DemoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The LDAP gateway against the embedded directory, over real LDAP. */
class DirectoryGatewayIT extends DemoIntegrationTest {

  @Autowired
  DirectoryGateway directory;

  static NewHire hire(String employeeId, String givenName, String surname) {
    return new NewHire(employeeId, givenName, surname, "IT", null, "E00002", "US");
  }

  private SearchResult search(String filter) throws Exception {
    try (LDAPConnection ldap = new LDAPConnection("localhost", ldapPort(), "CN=admin,DC=contoso,DC=com", "admin")) {
      return ldap.search("DC=contoso,DC=com", SearchScope.SUB, Filter.create(filter), "*", "objectGUID");
    }
  }

  @Test
  void plansTheNextFreeNamesAfterACollision() {
    NewHire first = hire("E40001", "John", "Smith");
    directory.createAccount(first, directory.planIdentity(first, Set.of()), List.of());

    IdentityPlan second = directory.planIdentity(hire("E40002", "John", "Smith"), Set.of());

    assertThat(second.samAccountName()).isEqualTo("john.smith2");
    assertThat(second.userPrincipalName()).isEqualTo("john.smith2@contoso.com");
    assertThat(second.mail()).isEqualTo("john.smith2@contoso.com");
    assertThat(second.cn()).isEqualTo("John Smith (2)");
    assertThat(second.managerDn()).isEqualTo("CN=Alex Wilber,OU=Staff,DC=contoso,DC=com");
  }

  @Test
  void creatingTwiceLeavesOneAccount() throws Exception {
    NewHire hire = hire("E40003", "Maria", "Garcia");
    IdentityPlan plan = directory.planIdentity(hire, Set.of());

    AdAccount first = directory.createAccount(hire, plan, List.of());
    AdAccount again = directory.createAccount(hire, plan, List.of());

    assertThat(again).isEqualTo(first);
    SearchResult found = search("(employeeID=E40003)");
    assertThat(found.getEntryCount()).isEqualTo(1);
    SearchResultEntry entry = found.getSearchEntries().get(0);
    assertThat(Base64.getEncoder().encodeToString(entry.getAttributeValueBytes("objectGUID"))).isEqualTo(first.immutableId());
    assertThat(entry.getAttributeValue("userAccountControl")).isEqualTo("512");
  }

  @Test
  void anAccountThisOnboardingDidNotCreateIsNotTakenOver() {
    NewHire existing = hire("E40004", "Ken", "Adams");
    directory.createAccount(existing, directory.planIdentity(existing, Set.of()), List.of());

    NewHire rehire = hire("E40004", "Kenneth", "Adams");
    IdentityPlan plan = directory.planIdentity(rehire, Set.of());

    assertThatThrownBy(() -> directory.createAccount(rehire, plan, List.of()))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.code()).isEqualTo("ACCOUNT_EXISTS", List.of());
          assertThat(e.getMessage()).contains("ken.adams");
        });
  }

  @Test
  void namesTakenElsewhereAreSkipped() {
    IdentityPlan plan = directory.planIdentity(hire("E40007", "Lena", "Fischer"),
        Set.of("lena.fischer@contoso.com"));

    assertThat(plan.userPrincipalName()).isEqualTo("lena.fischer2@contoso.com");
    assertThat(plan.samAccountName()).isEqualTo("lena.fischer2");
  }

  @Test
  void joinsItsGroupsOnceHoweverOftenItRuns() throws Exception {
    NewHire hire = hire("E40008", "Omar", "Haddad");
    IdentityPlan plan = directory.planIdentity(hire, Set.of());
    String group = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";

    AdAccount account = directory.createAccount(hire, plan, List.of(group));
    directory.createAccount(hire, plan, List.of(group));

    SearchResultEntry entry = search("(cn=Licensing-SPE_E3)").getSearchEntries().get(0);
    assertThat(entry.getAttributeValues("member")).containsOnlyOnce(account.dn());
  }

  @Test
  void anUnknownManagerIsABusinessError() {
    NewHire hire = new NewHire("E40005", "Ann", "Lee", "IT", null, "E99999", "US");

    assertThatThrownBy(() -> directory.planIdentity(hire, Set.of()))
        .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code()).isEqualTo("MANAGER_NOT_FOUND"));
  }

  @Test
  void hostileValuesAreStoredLiterallyAndNeverWidenASearch() throws Exception {
    NewHire hire = new NewHire("E40006", "Seán", "O'Brien, Jr.", "*)(objectClass=*", "Müller+Co \\ #1", null, "IE");

    AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of());

    SearchResultEntry entry = search("(employeeID=E40006)").getSearchEntries().get(0);
    assertThat(entry.getAttributeValue("sn")).isEqualTo("O'Brien, Jr.");
    assertThat(entry.getAttributeValue("cn")).isEqualTo("Seán O'Brien, Jr.");
    assertThat(entry.getAttributeValue("department")).isEqualTo("*)(objectClass=*");
    assertThat(entry.getAttributeValue("title")).isEqualTo("Müller+Co \\ #1");
    assertThat(entry.getAttributeValue("sAMAccountName")).isEqualTo("sean.obrienjr");
    assertThat(account.dn()).contains("O'Brien\\, Jr.");
  }
}

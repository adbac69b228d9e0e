package org.hybridonboarding.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where accounts go and which domains they get ({@code onboarding.directory.*}). The connection
 * itself is Spring Boot's {@code spring.ldap.*}.
 *
 * @param embedded run the in-memory directory of the demo instead of talking to spring.ldap.urls
 * @param routingDomain the tenant's mail routing domain, e.g. contoso.mail.onmicrosoft.com
 * @param startTls upgrade a plain ldap:// connection with StartTLS (else use ldaps://)
 * @param departmentOus department → OU for its new accounts; others go to usersOu
 * @param departmentGroups department → groups its new accounts join
 * @param connections directory connections kept open, for reads and for writes each
 * @param leaversOu where the accounts of leavers whose mailbox stays (shared) go: inside Connect
 *     Sync's scope, since the synced user anchors the shared mailbox
 * @param removedOu where the accounts of leavers without a mailbox go: outside sync scope, so that
 *     Entra ID and Exchange Online soft-delete the user and the mailbox
 */
@ConfigurationProperties("onboarding.directory")
public record DirectoryProperties(
    @DefaultValue("true") boolean embedded,
    String usersOu,
    String quarantineOu,
    String leaversOu,
    String removedOu,
    String upnSuffix,
    String mailDomain,
    String routingDomain,
    @DefaultValue("false") boolean startTls,
    Map<String, String> departmentOus,
    Map<String, List<String>> departmentGroups,
    @DefaultValue("10") int connections) {

  public DirectoryProperties {
    departmentOus = departmentOus == null ? Map.of() : Map.copyOf(departmentOus);
    departmentGroups = departmentGroups == null ? Map.of() : Map.copyOf(departmentGroups);
    if (connections < 1) {
      throw new IllegalArgumentException("onboarding.directory.connections must be at least 1, was " + connections);
    }
  }

  /** The OUs whose people this product manages: users-ou and the department OUs. */
  public List<String> managedOus() {
    List<String> ous = new java.util.ArrayList<>();
    if (usersOu != null) {
      ous.add(usersOu);
    }
    departmentOus.values().stream().filter(ou -> !ous.contains(ou)).forEach(ous::add);
    return ous;
  }

  /** Departments match without regard to case: HR systems are not consistent about it. */
  public String ouFor(String department) {
    return byDepartment(departmentOus, department).orElse(usersOu);
  }

  public List<String> groupsFor(String department) {
    return byDepartment(departmentGroups, department).orElse(List.of());
  }

  private static <T> Optional<T> byDepartment(Map<String, T> map, String department) {
    return map.entrySet().stream()
        .filter(e -> department != null && e.getKey().equalsIgnoreCase(department))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}

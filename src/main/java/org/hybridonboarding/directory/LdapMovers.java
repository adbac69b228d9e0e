package org.hybridonboarding.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.BaseLdapPathSource;
import org.springframework.stereotype.Component;

/** The mover's AD gateway over LDAP(S): attributes, department groups and the OU move. */
@Component
class LdapMovers implements MoverDirectory {

  private static final Logger log = LoggerFactory.getLogger(LdapMovers.class);

  private final LdapTemplate ldap;
  private final LdapAccounts accounts;
  private final DirectoryProperties properties;

  @Autowired
  LdapMovers(LdapTemplate ldap, BaseLdapPathSource contextSource, DirectoryProperties properties) {
    this(ldap, contextSource.getBaseLdapName(), properties);
  }

  LdapMovers(LdapTemplate ldap, javax.naming.ldap.LdapName base, DirectoryProperties properties) {
    this.ldap = ldap;
    this.accounts = new LdapAccounts(ldap, base, Passwords::generate);
    this.properties = properties;
  }

  @Override
  public Optional<Mover> findManaged(String employeeId) {
    return LdapAccounts.described("find the mover", "employeeID " + employeeId,
        () -> accounts.findByEmployeeId(employeeId).filter(this::managed).map(this::mover));
  }

  @Override
  public Moved move(String employeeId, Move move) {
    return LdapAccounts.described("move the account", "employeeID " + employeeId, () -> {
      DirContextOperations account = managedAccount(employeeId);
      String dn = account.getNameInNamespace();
      List<ModificationItem> changes = new ArrayList<>();
      replaceIfChanged(changes, account, "department", move.department());
      replaceIfChanged(changes, account, "title", move.jobTitle());
      replaceIfChanged(changes, account, "msExchUsageLocation", move.usageLocation());
      if (move.rename() != null) {
        rename(changes, account, move.rename());
      }
      String managerMail = null;
      if (move.managerEmployeeId() != null) {
        DirContextOperations manager = accounts.findByEmployeeId(move.managerEmployeeId())
            .orElseThrow(() -> new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND,
                "No AD account has employeeID " + move.managerEmployeeId() + " (the new manager)"));
        replaceIfChanged(changes, account, "manager", manager.getNameInNamespace());
        managerMail = LdapAccounts.isDisabled(manager) ? null : manager.getStringAttribute("mail");
      }
      if (!changes.isEmpty()) {
        ldap.modifyAttributes(account.getDn(), changes.toArray(ModificationItem[]::new));
      }
      List<String> current = move.leaveGroups().isEmpty() && move.joinGroups().isEmpty() ? List.of() : accounts.groupsOf(dn);
      List<String> left = new ArrayList<>();
      for (String group : move.leaveGroups()) {
        // Only those it is in: Samba answers a second removal with 53, not with "no such value".
        if (current.stream().anyMatch(group::equalsIgnoreCase) && move.joinGroups().stream().noneMatch(group::equalsIgnoreCase)) {
          accounts.leave(group, dn);
          left.add(group);
        }
      }
      List<String> joined = new ArrayList<>();
      for (String group : move.joinGroups()) {
        if (current.stream().noneMatch(group::equalsIgnoreCase)) {
          accounts.join(group, dn);
          joined.add(group);
        }
      }
      // Last: AD keeps group members pointing at the moved entry (linked attributes), and a retry finds it by employeeID.
      String moved = move.ouDn() == null && move.rename() == null ? dn
          : accounts.moveTo(account, move.ouDn() != null ? move.ouDn() : parent(dn),
              move.rename() != null ? move.rename().cn() : account.getStringAttribute("cn"));
      log.info("Moved {} (employeeID {}) to {}: {} attribute(s) changed, left {}, joined {}", dn, employeeId, moved,
          changes.size(), left, joined);
      return new Moved(moved, left, joined, managerMail);
    });
  }

  @Override
  public void leaveGroups(String employeeId, List<String> groupDns) {
    LdapAccounts.described("leave groups", "employeeID " + employeeId, () -> {
      String dn = managedAccount(employeeId).getNameInNamespace();
      List<String> current = accounts.groupsOf(dn);
      for (String group : groupDns) {
        if (current.stream().anyMatch(group::equalsIgnoreCase)) {
          accounts.leave(group, dn);
          log.info("{} (employeeID {}) left {}", dn, employeeId, group);
        }
      }
      return null;
    });
  }

  private DirContextOperations managedAccount(String employeeId) {
    return accounts.findByEmployeeId(employeeId).filter(this::managed)
        .orElseThrow(() -> new DirectoryException(DirectoryException.Code.ACCOUNT_NOT_FOUND,
            "No account with employeeID " + employeeId + " in the OUs Hybrid Onboarding manages ("
                + String.join("; ", properties.managedOus()) + ")"));
  }

  private boolean managed(DirContextOperations account) {
    String dn = account.getNameInNamespace();
    return properties.managedOus().stream().anyMatch(ou -> LdapAccounts.isUnder(dn, ou));
  }

  private Mover mover(DirContextOperations account) {
    String dn = account.getNameInNamespace();
    LdapAccounts.Manager manager = accounts.managerOf(account);
    Object guid = account.getObjectAttribute("objectGUID");
    return new Mover(dn, account.getStringAttribute("sAMAccountName"), account.getStringAttribute("userPrincipalName"),
        account.getStringAttribute("mail"), account.getStringAttribute("displayName"), account.getStringAttribute("givenName"),
        account.getStringAttribute("sn"), account.getStringAttribute("department"), account.getStringAttribute("title"),
        account.getStringAttribute("msExchUsageLocation"),
        guid instanceof byte[] bytes ? ObjectGuids.immutableId(bytes) : null, manager.employeeId(), manager.mail(),
        List.copyOf(accounts.groupsOf(dn)));
  }

  /**
   * The new names; the old primary address becomes a secondary smtp: proxy (mail to it still
   * arrives), every other proxy (the routing address too) and targetAddress stay.
   */
  private static void rename(List<ModificationItem> changes, DirContextOperations account, MoverDirectory.Rename rename) {
    replaceIfChanged(changes, account, "givenName", rename.givenName());
    replaceIfChanged(changes, account, "sn", rename.surname());
    replaceIfChanged(changes, account, "displayName", rename.displayName());
    replaceIfChanged(changes, account, "mailNickname", rename.mailNickname());
    replaceIfChanged(changes, account, "userPrincipalName", rename.userPrincipalName());
    replaceIfChanged(changes, account, "mail", rename.mail());
    replaceIfChanged(changes, account, "sAMAccountName", rename.samAccountName());
    String[] current = account.getStringAttributes("proxyAddresses");
    List<String> proxies = new ArrayList<>();
    proxies.add("SMTP:" + rename.mail());
    for (String proxy : current == null ? new String[0] : current) {
      String address = proxy.substring(proxy.indexOf(':') + 1);
      boolean smtp = proxy.regionMatches(true, 0, "smtp:", 0, 5);
      if (smtp && address.equalsIgnoreCase(rename.mail())) {
        continue;
      }
      String kept = smtp ? "smtp:" + address : proxy;
      if (proxies.stream().noneMatch(kept::equalsIgnoreCase)) {
        proxies.add(kept);
      }
    }
    List<String> before = current == null ? List.of() : java.util.Arrays.asList(current);
    if (!(before.containsAll(proxies) && proxies.containsAll(before))) {
      BasicAttribute attribute = new BasicAttribute("proxyAddresses");
      proxies.forEach(attribute::add);
      changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, attribute));
    }
  }

  private static String parent(String dn) {
    javax.naming.ldap.LdapName name = org.springframework.ldap.support.LdapUtils.newLdapName(dn);
    return name.getPrefix(name.size() - 1).toString();
  }

  private static void replaceIfChanged(List<ModificationItem> changes, DirContextOperations account, String attribute,
      String value) {
    if (value != null && !value.equals(account.getStringAttribute(attribute))) {
      changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(attribute, value)));
    }
  }
}

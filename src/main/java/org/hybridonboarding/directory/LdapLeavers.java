package org.hybridonboarding.directory;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.BaseLdapPathSource;
import org.springframework.stereotype.Component;

/** The leaver's AD gateway over LDAP(S): cut access, stamp the mailbox type, retire, reinstate, delete. */
@Component
class LdapLeavers implements LeaverDirectory {

  private static final Logger log = LoggerFactory.getLogger(LdapLeavers.class);

  static final String RECIPIENT_TYPE_DETAILS_REMOTE_SHARED = "34359738368";
  /** msExchRemoteRecipientType bits: 1 ProvisionMailbox, 4 Migrated, 32 Room, 64 Equipment, 96 Shared. */
  static final long REMOTE_PROVISION_MAILBOX = 1;
  static final long REMOTE_MIGRATED = 4;
  static final long REMOTE_SHARED = 96;

  private final LdapTemplate ldap;
  private final LdapAccounts accounts;
  private final DirectoryProperties properties;

  @Autowired
  LdapLeavers(LdapTemplate ldap, BaseLdapPathSource contextSource, DirectoryProperties properties) {
    this(ldap, contextSource.getBaseLdapName(), properties, Passwords::generate);
  }

  LdapLeavers(LdapTemplate ldap, LdapName base, DirectoryProperties properties, Supplier<char[]> passwords) {
    this.ldap = ldap;
    this.accounts = new LdapAccounts(ldap, base, passwords);
    this.properties = properties;
  }

  @Override
  public Optional<Leaver> find(String employeeId) {
    return LdapAccounts.described("find the leaver", "employeeID " + employeeId,
        () -> accounts.findByEmployeeId(employeeId).map(account -> leaver(account, true, false)));
  }

  @Override
  public Leaver cutAccess(String employeeId) {
    return LdapAccounts.described("cut access", "employeeID " + employeeId, () -> {
      DirContextOperations account = ours(employeeId);
      ldap.modifyAttributes(account.getDn(), new ModificationItem[] {replace("userAccountControl",
          Integer.toString(LdapAccounts.UAC_NORMAL_ACCOUNT | LdapAccounts.UAC_ACCOUNT_DISABLE))});
      accounts.setRandomPassword(account.getDn());
      log.info("Disabled {} (employeeID {}) and set a new random password", account.getNameInNamespace(), employeeId);
      return leaver(ldap.lookupContext(account.getDn()), false, true);
    });
  }

  @Override
  public void stampMailboxType(String employeeId, boolean shared) {
    LdapAccounts.described("stamp the mailbox type", "employeeID " + employeeId, () -> {
      DirContextOperations account = ours(employeeId);
      long before = remoteRecipientType(account);
      long after = remoteRecipientTypeFor(before, shared);
      ldap.modifyAttributes(account.getDn(), new ModificationItem[] {
          replace("msExchRemoteRecipientType", Long.toString(after)),
          replace("msExchRecipientTypeDetails", shared ? RECIPIENT_TYPE_DETAILS_REMOTE_SHARED
              : LdapRemoteMailbox.RECIPIENT_TYPE_DETAILS_REMOTE_USER)});
      log.info("Stamped the remote mailbox of {} as {} (msExchRemoteRecipientType {} → {})",
          account.getNameInNamespace(), shared ? "shared" : "user", before, after);
      return null;
    });
  }

  /** The Shared bits on (97 for a provisioned mailbox, 100 for a migrated one) or off, the others kept. */
  static long remoteRecipientTypeFor(long current, boolean shared) {
    long kept = current & ~REMOTE_SHARED;
    if (shared) {
      return (kept & REMOTE_MIGRATED) != 0 ? kept | REMOTE_SHARED : kept | REMOTE_PROVISION_MAILBOX | REMOTE_SHARED;
    }
    return (kept & REMOTE_MIGRATED) != 0 ? kept : kept | REMOTE_PROVISION_MAILBOX;
  }

  @Override
  public String retire(String employeeId, List<String> leaveGroups, String description, String ouDn) {
    return LdapAccounts.described("retire the account", "employeeID " + employeeId, () -> {
      DirContextOperations account = ours(employeeId);
      String dn = account.getNameInNamespace();
      // Only those it is still in: Samba answers a second removal with 53, not with "no such value".
      List<String> current = accounts.groupsOf(dn);
      for (String group : leaveGroups) {
        if (current.stream().anyMatch(group::equalsIgnoreCase)) {
          accounts.leave(group, dn);
        }
      }
      ldap.modifyAttributes(account.getDn(), new ModificationItem[] {replace("description", description)});
      String moved = accounts.moveTo(account, ouDn);
      log.info("Retired {} (employeeID {}): out of {} group(s), moved to {}", dn, employeeId, leaveGroups.size(), moved);
      return moved;
    });
  }

  @Override
  public Leaver reinstate(String employeeId, String ouDn, List<String> groups, String description) {
    return LdapAccounts.described("reinstate the account", "employeeID " + employeeId, () -> {
      DirContextOperations account = ours(employeeId);
      String dn = accounts.moveTo(account, ouDn);
      for (String group : groups) {
        accounts.join(group, dn);
      }
      LdapName relative = accounts.relative(dn);
      accounts.setRandomPassword(relative);
      ldap.modifyAttributes(relative, new ModificationItem[] {
          replace("userAccountControl", Integer.toString(LdapAccounts.UAC_NORMAL_ACCOUNT)),
          // 0: the user must choose a new password at the next logon.
          replace("pwdLastSet", "0"),
          replace("description", description)});
      log.info("Reinstated {} (employeeID {}): enabled with a new password, back in {} group(s)", dn, employeeId,
          groups.size());
      return leaver(ldap.lookupContext(relative), false, false);
    });
  }

  @Override
  public boolean deleteIfIn(String employeeId, String ouDn) {
    return LdapAccounts.described("delete the account", "employeeID " + employeeId, () -> {
      Optional<DirContextOperations> found = accounts.findByEmployeeId(employeeId);
      if (found.isEmpty() || !LdapAccounts.isUnder(found.get().getNameInNamespace(), ouDn)) {
        log.info("No account of employeeID {} in {} to delete", employeeId, ouDn);
        return false;
      }
      try {
        ldap.unbind(found.get().getDn());
      } catch (NameNotFoundException alreadyGone) {
        return false;
      }
      log.info("Deleted {} (employeeID {}) after the retention", found.get().getNameInNamespace(), employeeId);
      return true;
    });
  }

  @Override
  public Optional<String> mailOfActive(String employeeId) {
    return LdapAccounts.described("look up a mailbox owner", "employeeID " + employeeId,
        () -> accounts.findByEmployeeId(employeeId)
            .filter(account -> !LdapAccounts.isDisabled(account))
            .map(account -> account.getStringAttribute("mail")));
  }

  /** The account, if it is one this product may offboard or bring back (managed, or offboarded by it). */
  private DirContextOperations ours(String employeeId) {
    return accounts.findByEmployeeId(employeeId)
        .filter(account -> place(account.getNameInNamespace()) != Place.ELSEWHERE)
        .orElseThrow(() -> new DirectoryException(DirectoryException.Code.ACCOUNT_NOT_FOUND,
            "No account with employeeID " + employeeId + " in the OUs Hybrid Onboarding manages ("
                + String.join("; ", properties.managedOus()) + ")"));
  }

  private Place place(String dn) {
    if (LdapAccounts.isUnder(dn, properties.leaversOu())) {
      return Place.LEAVERS;
    }
    if (LdapAccounts.isUnder(dn, properties.removedOu())) {
      return Place.REMOVED;
    }
    return properties.managedOus().stream().anyMatch(ou -> LdapAccounts.isUnder(dn, ou)) ? Place.MANAGED : Place.ELSEWHERE;
  }

  /**
   * The account as read; its manager and its groups cost a read each and are looked up only where
   * they are needed (the manager when the offboarding is validated, the groups at the cut).
   */
  private Leaver leaver(DirContextOperations account, boolean withManager, boolean withGroups) {
    String dn = account.getNameInNamespace();
    LdapAccounts.Manager manager = withManager ? accounts.managerOf(account) : LdapAccounts.Manager.NONE;
    Object guid = account.getObjectAttribute("objectGUID");
    return new Leaver(dn, place(dn), account.getStringAttribute("sAMAccountName"),
        account.getStringAttribute("userPrincipalName"), account.getStringAttribute("mail"),
        account.getStringAttribute("displayName"), account.getStringAttribute("givenName"), account.getStringAttribute("sn"),
        guid instanceof byte[] bytes ? ObjectGuids.immutableId(bytes) : null,
        !LdapAccounts.isDisabled(account), remoteRecipientType(account), manager.employeeId(), manager.mail(),
        withGroups ? List.copyOf(accounts.groupsOf(dn)) : List.of());
  }

  private static long remoteRecipientType(DirContextOperations account) {
    String value = account.getStringAttribute("msExchRemoteRecipientType");
    return value == null ? 0 : Long.parseLong(value);
  }

  private static ModificationItem replace(String attribute, String value) {
    return new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(attribute, value));
  }
}

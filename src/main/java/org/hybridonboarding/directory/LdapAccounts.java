package org.hybridonboarding.directory;

import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.naming.Name;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.AttributeInUseException;
import org.springframework.ldap.NameAlreadyBoundException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.NoSuchAttributeException;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapNameBuilder;
import org.springframework.ldap.support.LdapUtils;

/**
 * What the joiner's and the leaver's AD gateways both do to an account: find it by employeeID,
 * its groups, joining and leaving one, a random password, and how AD's failures are told.
 */
final class LdapAccounts {

  private static final Logger log = LoggerFactory.getLogger(LdapAccounts.class);

  static final int PASSWORD_ATTEMPTS = 3;
  static final int UAC_NORMAL_ACCOUNT = UserAccountControl.NORMAL_ACCOUNT;
  static final int UAC_ACCOUNT_DISABLE = UserAccountControl.ACCOUNT_DISABLE;

  private final LdapTemplate ldap;
  private final LdapName base;
  private final Supplier<char[]> passwords;

  LdapAccounts(LdapTemplate ldap, LdapName base, Supplier<char[]> passwords) {
    this.ldap = ldap;
    this.base = base;
    this.passwords = passwords;
  }

  /**
   * Technical failures (a DC down, a refused bind, a missing OU) become the job's failure and,
   * once retries are spent, the incident an admin reads in Cockpit: say which system, which
   * operation, for whom, and AD's own result. Business failures pass unchanged.
   */
  static <T> T described(String operation, String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (DirectoryException business) {
      throw business;
    } catch (NamingException e) {
      throw new IllegalStateException("Active Directory: " + operation + " (" + target + ") failed: " + e.getMessage(), e);
    }
  }

  Optional<DirContextOperations> findByEmployeeId(String employeeId) {
    List<DirContextOperations> found = ldap.search(query()
            .where("objectClass").is("user").and("employeeID").is(employeeId),
        (Object ctx) -> (DirContextOperations) ctx);
    return onlyOne(found, employeeId);
  }

  /** The one account of these with that employeeID; two are a conflict a person must settle. */
  static Optional<DirContextOperations> onlyOne(List<DirContextOperations> accounts, String employeeId) {
    if (accounts.size() > 1) {
      throw new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, accounts.size() + " accounts have employeeID " + employeeId);
    }
    return accounts.stream().findFirst();
  }

  /** The groups that hold the account as a member (memberOf is computed by AD, not by every directory). */
  List<String> groupsOf(String dn) {
    return ldap.search(query().where("objectClass").is("group").and("member").is(dn),
        (Object found) -> ((DirContextOperations) found).getNameInNamespace());
  }

  /** Adds the member; a member already there is what we wanted (AD answers 20 or 68). */
  void join(String groupDn, String memberDn) {
    try {
      ldap.modifyAttributes(relative(groupDn), new ModificationItem[] {
          new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("member", memberDn))});
      log.info("Added {} to {}", memberDn, groupDn);
    } catch (AttributeInUseException | NameAlreadyBoundException alreadyMember) {
      log.debug("{} is already a member of {}", memberDn, groupDn);
    } catch (NameNotFoundException e) {
      throw new IllegalStateException("The group " + groupDn + " does not exist in the directory", e);
    }
  }

  /** Removes the member; one already gone is what we wanted. */
  void leave(String groupDn, String memberDn) {
    try {
      ldap.modifyAttributes(relative(groupDn), new ModificationItem[] {
          new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("member", memberDn))});
    } catch (NoSuchAttributeException alreadyGone) {
      log.debug("{} had already left {}", memberDn, groupDn);
    }
  }

  /** Moves the entry under that OU keeping its cn (modrdn: same objectGUID); returns the full new DN. */
  String moveTo(DirContextOperations account, String ouDn) {
    return moveTo(account, ouDn, account.getStringAttribute("cn"));
  }

  /** Moves and renames the entry in one modrdn (same objectGUID); returns the full new DN. */
  String moveTo(DirContextOperations account, String ouDn, String cn) {
    LdapName target = LdapNameBuilder.newInstance(relative(ouDn)).add("CN", cn).build();
    LdapName current = LdapUtils.newLdapName(account.getDn());
    if (!current.equals(target)) {
      ldap.rename(current, target);
    }
    return full(target);
  }

  /**
   * A random password nobody sees, with the other changes in the same modify (AD applies them in
   * order, all or none); a policy may refuse even a strong one (history, banned words): make another.
   */
  void setRandomPassword(Name dn, ModificationItem... alongside) {
    for (int attempt = 1; ; attempt++) {
      char[] password = passwords.get();
      try {
        ModificationItem[] changes = new ModificationItem[1 + alongside.length];
        changes[0] = new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("unicodePwd", Passwords.unicodePwd(password)));
        System.arraycopy(alongside, 0, changes, 1, alongside.length);
        ldap.modifyAttributes(dn, changes);
        return;
      } catch (NamingException e) {
        if (AdErrors.classify(e) != AdErrors.Kind.WEAK_PASSWORD || attempt == PASSWORD_ATTEMPTS) {
          throw e;
        }
        log.warn("The password policy refused generated password {} of {} for {}; making another",
            attempt, PASSWORD_ATTEMPTS, dn);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** An account's manager as a mover or leaver is told: the employeeID, and the mail while that account is enabled. */
  record Manager(String employeeId, String mail) {
    static final Manager NONE = new Manager(null, null);
  }

  /** The manager the account's manager attribute names; NONE without one or when that entry is gone. */
  Manager managerOf(DirContextOperations account) {
    String managerDn = account.getStringAttribute("manager");
    if (managerDn == null) {
      return Manager.NONE;
    }
    try {
      DirContextOperations manager = ldap.lookupContext(relative(managerDn));
      return new Manager(manager.getStringAttribute("employeeID"), isDisabled(manager) ? null : manager.getStringAttribute("mail"));
    } catch (NameNotFoundException gone) {
      log.info("The manager {} of {} is no longer in the directory", managerDn, account.getNameInNamespace());
      return Manager.NONE;
    }
  }

  static boolean isDisabled(DirContextOperations account) {
    return UserAccountControl.isDisabled(account.getStringAttribute("userAccountControl"));
  }

  /** Names given as full DNs (OUs, managers) relative to spring.ldap.base, as LdapTemplate expects. */
  LdapName relative(String fullDn) {
    LdapName name = LdapUtils.newLdapName(fullDn);
    return name.startsWith(base) ? LdapUtils.removeFirst(name, base) : name;
  }

  String full(LdapName relative) {
    LdapName name = (LdapName) base.clone();
    try {
      name.addAll(relative);
    } catch (javax.naming.InvalidNameException e) {
      throw new IllegalArgumentException(e);
    }
    return name.toString();
  }

  /** Whether the full DN lies at or below the OU. */
  static boolean isUnder(String dn, String ouDn) {
    return ouDn != null && LdapUtils.newLdapName(dn).startsWith(LdapUtils.newLdapName(ouDn));
  }
}

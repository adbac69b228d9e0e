package org.hybridonboarding.directory;

import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.naming.Name;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.NamingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.BaseLdapPathSource;
import org.springframework.ldap.support.LdapNameBuilder;
import org.springframework.stereotype.Component;

/**
 * The joiner's AD gateway over LDAP(S) with Spring LDAP: plan names, create the account,
 * quarantine it. What it shares with the leaver's gateway ({@link LdapLeavers}) is in {@link LdapAccounts}.
 */
@Component
class LdapDirectoryGateway implements DirectoryGateway {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectoryGateway.class);

  /** Where an account records which onboarding created it: AD's adminDescription, rarely used. */
  static final String MARKER_ATTRIBUTE = "adminDescription";
  static final String MARKER_PREFIX = "Created by Hybrid Onboarding ";
  private static final int MAX_SUFFIX = 999;
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final LdapTemplate ldap;
  private final LdapAccounts accounts;
  private final DirectoryProperties properties;
  private final RemoteMailboxStrategy remoteMailbox;
  private final NamingRules naming;

  @Autowired
  LdapDirectoryGateway(LdapTemplate ldap, BaseLdapPathSource contextSource, DirectoryProperties properties,
      RemoteMailboxStrategy remoteMailbox, NamingRules naming) {
    this(ldap, contextSource.getBaseLdapName(), properties, remoteMailbox, naming, Passwords::generate);
  }

  LdapDirectoryGateway(LdapTemplate ldap, LdapName base, DirectoryProperties properties,
      RemoteMailboxStrategy remoteMailbox, NamingRules naming, Supplier<char[]> passwords) {
    this.ldap = ldap;
    this.accounts = new LdapAccounts(ldap, base, passwords);
    this.properties = properties;
    this.remoteMailbox = remoteMailbox;
    this.naming = naming;
  }

  @Override
  public IdentityPlan planIdentity(NewHire hire, Set<String> alsoTaken, Predicate<IdentityPlan> claim) {
    return LdapAccounts.described("plan the names", "employeeID " + hire.employeeId(), () -> doPlanIdentity(hire, alsoTaken, claim));
  }

  @Override
  public AdAccount createAccount(NewHire hire, IdentityPlan plan, List<String> groupDns, String onboardingId,
      boolean adoptExisting) {
    return LdapAccounts.described("create the account", plan.samAccountName() + " in " + plan.ouDn(),
        () -> doCreateAccount(hire, plan, groupDns, onboardingId, adoptExisting));
  }

  @Override
  public Optional<String> quarantine(String employeeId, String onboardingId, String reason) {
    return LdapAccounts.described("quarantine the account", "employeeID " + employeeId, () -> doQuarantine(employeeId, onboardingId, reason));
  }

  /**
   * One search finds the manager, an account this product offboarded (a rehire) and every name
   * the planned ones could collide with.
   */
  private IdentityPlan doPlanIdentity(NewHire hire, Set<String> alsoTaken, Predicate<IdentityPlan> claim) {
    String alias = naming.alias(hire);
    String samBase = naming.samBase(hire);
    if (alias.isEmpty() || samBase.isEmpty()) {
      throw new IllegalArgumentException("No account name can be derived from '" + hire.givenName()
          + " " + hire.surname() + "'");
    }
    List<DirContextOperations> found = namesakesAndPeople(hire, alias, samBase, NamingRules.cn(hire.givenName(), hire.surname(), 1));
    String managerDn = null;
    String managerAccountName = null;
    String managerMail = null;
    if (hire.managerEmployeeId() != null) {
      DirContextOperations manager = withEmployeeId(found, hire.managerEmployeeId())
          .orElseThrow(() -> new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND,
              "No AD account has employeeID " + hire.managerEmployeeId() + " (the manager)"));
      managerDn = manager.getNameInNamespace();
      // A leaver approves nothing: their hires go to the approvers' group, their passes to the helpdesk.
      if (!LdapAccounts.isDisabled(manager)) {
        managerAccountName = manager.getStringAttribute("sAMAccountName");
        managerMail = manager.getStringAttribute("mail");
      }
    }
    Optional<DirContextOperations> offboarded = withEmployeeId(found, hire.employeeId()).filter(this::offboardedByUs);
    if (offboarded.isPresent()) {
      // A rehire: the account this product offboarded comes back under its own names.
      DirContextOperations account = offboarded.get();
      return new IdentityPlan(account.getStringAttribute("sAMAccountName"), account.getStringAttribute("userPrincipalName"),
          account.getStringAttribute("mailNickname"), account.getStringAttribute("mail"), account.getStringAttribute("cn"),
          account.getStringAttribute("displayName"), properties.ouFor(hire.department()), managerDn, managerAccountName,
          managerMail, account.getNameInNamespace());
    }
    Set<String> taken = new HashSet<>();
    found.forEach(entry -> taken.addAll(namesOf(entry)));
    taken.addAll(alsoTaken);
    for (int n = 1; n <= MAX_SUFFIX; n++) {
      String sam = NamingRules.samAccountName(samBase, n);
      String nickname = NamingRules.numbered(alias, n, NamingRules.MAX_ALIAS);
      String upn = nickname + "@" + properties.upnSuffix();
      String mail = nickname + "@" + properties.mailDomain();
      String cn = NamingRules.cn(hire.givenName(), hire.surname(), n);
      String routing = nickname + "@" + properties.routingDomain();
      if (noneTaken(taken, sam, upn, mail, routing, cn)) {
        IdentityPlan candidate = new IdentityPlan(sam, upn, nickname, mail, cn,
            NamingRules.displayName(hire.givenName(), hire.surname()),
            properties.ouFor(hire.department()), managerDn, managerAccountName, managerMail, null);
        if (claim.test(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("More than " + MAX_SUFFIX + " accounts are named like " + alias);
  }

  private List<DirContextOperations> namesakesAndPeople(NewHire hire, String alias, String samBase, String cn) {
    String samPrefix = NamingRules.samAccountName(samBase.substring(0,
        Math.min(samBase.length(), NamingRules.MAX_SAM_ACCOUNT_NAME - 3)), 1);
    var criteria = query()
        .attributes("objectClass", "employeeID", "sAMAccountName", "userPrincipalName", "mail", "proxyAddresses", "cn",
            "mailNickname", "displayName", "userAccountControl")
        .where("employeeID").is(hire.employeeId());
    if (hire.managerEmployeeId() != null) {
      criteria = criteria.or("employeeID").is(hire.managerEmployeeId());
    }
    criteria = criteria.or("sAMAccountName").like(samPrefix + "*")
        .or("userPrincipalName").like(alias + "*")
        .or("mail").like(alias + "*")
        .or("proxyAddresses").like("smtp:" + alias + "*")
        .or("cn").like(cn + "*");
    return ldap.search(criteria, (Object entry) -> (DirContextOperations) entry);
  }

  /** The user account with this employeeID among the entries found, as LdapAccounts.findByEmployeeId would answer. */
  private static Optional<DirContextOperations> withEmployeeId(List<DirContextOperations> found, String employeeId) {
    List<DirContextOperations> accounts = found.stream()
        .filter(entry -> employeeId.equalsIgnoreCase(entry.getStringAttribute("employeeID")))
        .filter(entry -> Arrays.stream(Optional.ofNullable(entry.getStringAttributes("objectClass")).orElse(new String[0]))
            .anyMatch("user"::equalsIgnoreCase))
        .toList();
    return LdapAccounts.onlyOne(accounts, employeeId);
  }

  private static List<String> namesOf(DirContextOperations entry) {
    List<String> names = new ArrayList<>();
    for (String attribute : List.of("sAMAccountName", "userPrincipalName", "mail", "cn")) {
      Optional.ofNullable(entry.getStringAttribute(attribute)).ifPresent(name -> names.add(name.toLowerCase(Locale.ROOT)));
    }
    String[] proxies = entry.getStringAttributes("proxyAddresses");
    if (proxies != null) {
      Arrays.stream(proxies).map(p -> p.substring(p.indexOf(':') + 1).toLowerCase(Locale.ROOT)).forEach(names::add);
    }
    return names;
  }

  private static boolean noneTaken(Set<String> taken, String... names) {
    return Arrays.stream(names).noneMatch(name -> taken.contains(name.toLowerCase(Locale.ROOT)));
  }

  private AdAccount doCreateAccount(NewHire hire, IdentityPlan plan, List<String> groupDns, String onboardingId,
      boolean adoptExisting) {
    String marker = MARKER_PREFIX + onboardingId;
    Optional<DirContextOperations> existing = accounts.findByEmployeeId(hire.employeeId());
    Name dn;
    if (existing.isPresent()) {
      DirContextOperations account = existing.get();
      String found = account.getStringAttribute(MARKER_ATTRIBUTE);
      if (!marker.equals(found) && offboardedByUs(account)) {
        rehire(account, hire, plan, marker);
        account = accounts.findByEmployeeId(hire.employeeId()).orElseThrow();
        found = marker;
      }
      if (!marker.equals(found) && adoptExisting) {
        // A person decided: this onboarding takes the account over (a rehire, say) and marks it as its own.
        ldap.modifyAttributes(account.getDn(), new ModificationItem[] {
            new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(MARKER_ATTRIBUTE, marker))});
        log.info("Adopted the existing account {} for employeeID {}", account.getNameInNamespace(), hire.employeeId());
        found = marker;
      }
      if (!marker.equals(found)) {
        throw new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, "An account with employeeID " + hire.employeeId()
            + " already exists: " + account.getNameInNamespace() + " (sAMAccountName "
            + account.getStringAttribute("sAMAccountName") + "). "
            + (found != null && found.startsWith(MARKER_PREFIX)
                ? "Another onboarding created it (" + found.substring(MARKER_PREFIX.length()) + ")."
                : "Hybrid Onboarding did not create it: a rehire or a duplicate?"));
      }
      dn = account.getDn();
      log.info("Account {} for employeeID {} exists already from this onboarding; completing it",
          account.getStringAttribute("sAMAccountName"), hire.employeeId());
    } else {
      dn = LdapNameBuilder.newInstance(accounts.relative(plan.ouDn())).add("CN", plan.cn()).build();
      try {
        ldap.bind(newAccount(dn, hire, plan, marker));
      } catch (NamingException e) {
        if (AdErrors.classify(e) == AdErrors.Kind.NAME_COLLISION) {
          throw new DirectoryException(DirectoryException.Code.NAME_COLLISION, "AD refused the planned names of " + plan.displayName()
              + " (" + plan.samAccountName() + ", " + plan.userPrincipalName() + ", " + plan.cn()
              + "): another account took one of them since they were planned. " + e.getMessage());
        }
        throw e;
      }
      log.info("Created disabled account {} for employeeID {}", plan.samAccountName(), hire.employeeId());
    }
    // One read: enabling changes neither the names nor objectGUID and whenCreated.
    DirContextOperations account = ldap.lookupContext(dn);
    if (LdapAccounts.isDisabled(account)) {
      // One modify: if AD refuses the password, the account stays disabled.
      accounts.setRandomPassword(dn,
          new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
              new BasicAttribute("userAccountControl", Integer.toString(LdapAccounts.UAC_NORMAL_ACCOUNT))),
          // 0: the user must choose a new password at the first logon.
          new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("pwdLastSet", "0")));
      log.info("Set a random initial password on {} and enabled it (must change at next logon)",
          plan.samAccountName());
    }
    AdAccount created = read(account);
    List<String> groups = new ArrayList<>(groupDns);
    groups.addAll(properties.groupsFor(hire.department()));
    for (String groupDn : groups) {
      accounts.join(groupDn, created.dn());
    }
    return created;
  }

  /**
   * Whether this product offboarded the account: it lies in the leavers or the removed OU, which
   * hold only the accounts its offboardings retired. Any other existing account is a person's decision.
   */
  private boolean offboardedByUs(DirContextOperations account) {
    String dn = account.getNameInNamespace();
    return LdapAccounts.isUnder(dn, properties.leaversOu()) || LdapAccounts.isUnder(dn, properties.removedOu());
  }

  /**
   * Brings an offboarded account back as this onboarding's: marked, its job facts written, and
   * moved (modrdn: the same objectGUID, so Connect Sync finds the same cloud user, restored from
   * the deleted items within 30 days) into the department's OU. It is still disabled: the caller
   * sets a new password and enables it. A shared remote mailbox stays shared until the licence is
   * back: *Make the mailbox a user mailbox* then turns both sides.
   */
  private void rehire(DirContextOperations account, NewHire hire, IdentityPlan plan, String marker) {
    List<ModificationItem> changes = new ArrayList<>();
    changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(MARKER_ATTRIBUTE, marker)));
    changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("description",
        "Rehired by Hybrid Onboarding (" + marker.substring(MARKER_PREFIX.length()) + ")")));
    changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("department", hire.department())));
    changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("msExchUsageLocation", hire.usageLocation())));
    changes.add(hire.jobTitle() == null
        ? new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("title"))
        : new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("title", hire.jobTitle())));
    if (plan.managerDn() != null) {
      changes.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("manager", plan.managerDn())));
    }
    if (account.getStringAttribute("title") == null && hire.jobTitle() == null) {
      changes.removeIf(change -> change.getModificationOp() == DirContext.REMOVE_ATTRIBUTE);
    }
    ldap.modifyAttributes(account.getDn(), changes.toArray(ModificationItem[]::new));
    String moved = accounts.moveTo(account, plan.ouDn());
    log.info("Rehire: brought the offboarded account {} (employeeID {}) back to {}", account.getNameInNamespace(),
        hire.employeeId(), moved);
  }

  private Optional<String> doQuarantine(String employeeId, String onboardingId, String reason) {
    Optional<DirContextOperations> found = accounts.findByEmployeeId(employeeId)
        .filter(account -> (MARKER_PREFIX + onboardingId).equals(account.getStringAttribute(MARKER_ATTRIBUTE)));
    if (found.isEmpty()) {
      log.info("No account of onboarding {} for employeeID {} to quarantine", onboardingId, employeeId);
      return Optional.empty();
    }
    DirContextOperations account = found.get();
    String dn = account.getNameInNamespace();
    ldap.modifyAttributes(account.getDn(), new ModificationItem[] {
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
            new BasicAttribute("userAccountControl", Integer.toString(LdapAccounts.UAC_NORMAL_ACCOUNT | LdapAccounts.UAC_ACCOUNT_DISABLE))),
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("description", reason))});
    for (String groupDn : accounts.groupsOf(dn)) {
      accounts.leave(groupDn, dn);
    }
    String result = accounts.moveTo(account, properties.quarantineOu());
    log.info("Quarantined {} (employeeID {}) as {}: disabled, out of its groups", dn, employeeId, result);
    return Optional.of(result);
  }

  private DirContextAdapter newAccount(Name dn, NewHire hire, IdentityPlan plan, String marker) {
    DirContextAdapter entry = new DirContextAdapter(dn);
    entry.setAttributeValues("objectClass", new String[] {"top", "person", "organizationalPerson", "user"});
    entry.setAttributeValue("cn", plan.cn());
    entry.setAttributeValue("givenName", hire.givenName());
    entry.setAttributeValue("sn", hire.surname());
    entry.setAttributeValue("displayName", plan.displayName());
    entry.setAttributeValue("sAMAccountName", plan.samAccountName());
    entry.setAttributeValue("userPrincipalName", plan.userPrincipalName());
    entry.setAttributeValue("employeeID", hire.employeeId());
    entry.setAttributeValue("department", hire.department());
    if (hire.jobTitle() != null) {
      entry.setAttributeValue("title", hire.jobTitle());
    }
    if (plan.managerDn() != null) {
      entry.setAttributeValue("manager", plan.managerDn());
    }
    entry.setAttributeValue("msExchUsageLocation", hire.usageLocation());
    entry.setAttributeValue(MARKER_ATTRIBUTE, marker);
    // Created disabled: AD refuses an enabled account without a password that meets the policy.
    entry.setAttributeValue("userAccountControl", Integer.toString(LdapAccounts.UAC_NORMAL_ACCOUNT | LdapAccounts.UAC_ACCOUNT_DISABLE));
    remoteMailbox.attributesFor(plan).forEach((name, values) -> entry.setAttributeValues(name, values.toArray()));
    return entry;
  }

  private AdAccount read(DirContextOperations account) {
    Object guid = account.getObjectAttribute("objectGUID");
    if (!(guid instanceof byte[] bytes)) {
      throw new IllegalStateException("objectGUID of " + account.getNameInNamespace()
          + " was not read as binary: set spring.ldap.base-environment[java.naming.ldap.attributes.binary]=objectGUID");
    }
    return new AdAccount(account.getNameInNamespace(), account.getStringAttribute("sAMAccountName"),
        account.getStringAttribute("userPrincipalName"), account.getStringAttribute("mail"),
        ObjectGuids.immutableId(bytes), whenCreated(account.getStringAttribute("whenCreated")));
  }

  private static Instant whenCreated(String generalizedTime) {
    if (generalizedTime == null || generalizedTime.length() < 14) {
      return Instant.now();
    }
    return LocalDateTime.parse(generalizedTime.substring(0, 14), GENERALIZED_TIME).toInstant(ZoneOffset.UTC);
  }

}

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
import org.springframework.ldap.AttributeInUseException;
import org.springframework.ldap.NameAlreadyBoundException;
import org.springframework.ldap.NameNotFoundException;
import org.springframework.ldap.NamingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.BaseLdapPathSource;
import org.springframework.ldap.support.LdapNameBuilder;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * The AD gateway over LDAP(S) with Spring LDAP. Over 300 lines, for now with a reason: its three
 * operations (plan names, create the account, quarantine it) share the lookup by employeeID, the
 * DN helpers and the description of AD's failures. The leaver and mover operations (disable,
 * move, leave groups, rename) are the point to split it by operation, not to grow it.
 */
@Component
class LdapDirectoryGateway implements DirectoryGateway {

  private static final Logger log = LoggerFactory.getLogger(LdapDirectoryGateway.class);

  /** Where an account records which onboarding created it: AD's adminDescription, rarely used. */
  static final String MARKER_ATTRIBUTE = "adminDescription";
  static final String MARKER_PREFIX = "Created by Hybrid Onboarding ";
  static final int PASSWORD_ATTEMPTS = 3;
  static final int UAC_NORMAL_ACCOUNT = 0x200;
  static final int UAC_ACCOUNT_DISABLE = 0x2;
  private static final int MAX_SUFFIX = 999;
  private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final LdapTemplate ldap;
  private final LdapName base;
  private final DirectoryProperties properties;
  private final RemoteMailboxStrategy remoteMailbox;
  private final NamingRules naming;
  private final Supplier<char[]> passwords;

  @Autowired
  LdapDirectoryGateway(LdapTemplate ldap, BaseLdapPathSource contextSource, DirectoryProperties properties,
      RemoteMailboxStrategy remoteMailbox, NamingRules naming) {
    this(ldap, contextSource.getBaseLdapName(), properties, remoteMailbox, naming, Passwords::generate);
  }

  LdapDirectoryGateway(LdapTemplate ldap, LdapName base, DirectoryProperties properties,
      RemoteMailboxStrategy remoteMailbox, NamingRules naming, Supplier<char[]> passwords) {
    this.ldap = ldap;
    this.base = base;
    this.properties = properties;
    this.remoteMailbox = remoteMailbox;
    this.naming = naming;
    this.passwords = passwords;
  }

  @Override
  public IdentityPlan planIdentity(NewHire hire, Set<String> alsoTaken, Predicate<IdentityPlan> claim) {
    return described("plan the names", "employeeID " + hire.employeeId(), () -> doPlanIdentity(hire, alsoTaken, claim));
  }

  @Override
  public AdAccount createAccount(NewHire hire, IdentityPlan plan, List<String> groupDns, String onboardingId,
      boolean adoptExisting) {
    return described("create the account", plan.samAccountName() + " in " + plan.ouDn(),
        () -> doCreateAccount(hire, plan, groupDns, onboardingId, adoptExisting));
  }

  @Override
  public Optional<String> quarantine(String employeeId, String onboardingId, String reason) {
    return described("quarantine the account", "employeeID " + employeeId, () -> doQuarantine(employeeId, onboardingId, reason));
  }

  /**
   * Technical failures (a DC down, a refused bind, a missing OU) become the job's failure and,
   * once retries are spent, the incident an admin reads in Cockpit: say which system, which
   * operation, for whom, and AD's own result. Business failures pass unchanged.
   */
  private static <T> T described(String operation, String target, Supplier<T> call) {
    try {
      return call.get();
    } catch (DirectoryException business) {
      throw business;
    } catch (NamingException e) {
      throw new IllegalStateException("Active Directory: " + operation + " (" + target + ") failed: " + e.getMessage(), e);
    }
  }

  private IdentityPlan doPlanIdentity(NewHire hire, Set<String> alsoTaken, Predicate<IdentityPlan> claim) {
    String managerDn = null;
    if (hire.managerEmployeeId() != null) {
      managerDn = findByEmployeeId(hire.managerEmployeeId())
          .map(DirContextOperations::getNameInNamespace)
          .orElseThrow(() -> new DirectoryException(DirectoryException.Code.MANAGER_NOT_FOUND,
              "No AD account has employeeID " + hire.managerEmployeeId() + " (the manager)"));
    }
    String alias = naming.alias(hire);
    String samBase = naming.samBase(hire);
    if (alias.isEmpty() || samBase.isEmpty()) {
      throw new IllegalArgumentException("No account name can be derived from '" + hire.givenName()
          + " " + hire.surname() + "'");
    }
    Set<String> taken = takenNames(alias, samBase, NamingRules.cn(hire.givenName(), hire.surname(), 1));
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
            properties.ouFor(hire.department()), managerDn);
        if (claim.test(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("More than " + MAX_SUFFIX + " accounts are named like " + alias);
  }

  /** Every name in the directory that one planned name could collide with, in one search. */
  private Set<String> takenNames(String alias, String samBase, String cn) {
    String samPrefix = NamingRules.samAccountName(samBase.substring(0,
        Math.min(samBase.length(), NamingRules.MAX_SAM_ACCOUNT_NAME - 3)), 1);
    List<List<String>> results = ldap.search(query()
            .attributes("sAMAccountName", "userPrincipalName", "mail", "proxyAddresses", "cn")
            .where("sAMAccountName").like(samPrefix + "*")
            .or("userPrincipalName").like(alias + "*")
            .or("mail").like(alias + "*")
            .or("proxyAddresses").like("smtp:" + alias + "*")
            .or("cn").like(cn + "*"),
        (Object found) -> {
          DirContextOperations ctx = (DirContextOperations) found;
          List<String> names = new ArrayList<>();
          for (String attribute : List.of("sAMAccountName", "userPrincipalName", "mail", "cn")) {
            Optional.ofNullable(ctx.getStringAttribute(attribute)).ifPresent(names::add);
          }
          String[] proxies = ctx.getStringAttributes("proxyAddresses");
          if (proxies != null) {
            Arrays.stream(proxies).map(p -> p.substring(p.indexOf(':') + 1)).forEach(names::add);
          }
          return names;
        });
    Set<String> taken = new HashSet<>();
    results.forEach(names -> names.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT))));
    return taken;
  }

  private static boolean noneTaken(Set<String> taken, String... names) {
    return Arrays.stream(names).noneMatch(name -> taken.contains(name.toLowerCase(Locale.ROOT)));
  }

  private AdAccount doCreateAccount(NewHire hire, IdentityPlan plan, List<String> groupDns, String onboardingId,
      boolean adoptExisting) {
    String marker = MARKER_PREFIX + onboardingId;
    Optional<DirContextOperations> existing = findByEmployeeId(hire.employeeId());
    Name dn;
    if (existing.isPresent()) {
      DirContextOperations account = existing.get();
      String found = account.getStringAttribute(MARKER_ATTRIBUTE);
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
      dn = LdapNameBuilder.newInstance(relative(plan.ouDn())).add("CN", plan.cn()).build();
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
    DirContextOperations account = ldap.lookupContext(dn);
    if (isDisabled(account)) {
      setInitialPassword(dn);
      enable(dn);
      log.info("Set a random initial password on {} and enabled it (must change at next logon)",
          plan.samAccountName());
    }
    AdAccount created = read(dn);
    List<String> groups = new ArrayList<>(groupDns);
    groups.addAll(properties.groupsFor(hire.department()));
    for (String groupDn : groups) {
      join(groupDn, created.dn());
    }
    return created;
  }

  private Optional<String> doQuarantine(String employeeId, String onboardingId, String reason) {
    Optional<DirContextOperations> found = findByEmployeeId(employeeId)
        .filter(account -> (MARKER_PREFIX + onboardingId).equals(account.getStringAttribute(MARKER_ATTRIBUTE)));
    if (found.isEmpty()) {
      log.info("No account of onboarding {} for employeeID {} to quarantine", onboardingId, employeeId);
      return Optional.empty();
    }
    DirContextOperations account = found.get();
    String dn = account.getNameInNamespace();
    ldap.modifyAttributes(account.getDn(), new ModificationItem[] {
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
            new BasicAttribute("userAccountControl", Integer.toString(UAC_NORMAL_ACCOUNT | UAC_ACCOUNT_DISABLE))),
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("description", reason))});
    for (String groupDn : groupsOf(dn)) {
      try {
        ldap.modifyAttributes(relative(groupDn), new ModificationItem[] {
            new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("member", dn))});
      } catch (org.springframework.ldap.NoSuchAttributeException alreadyGone) {
        log.debug("{} had already left {}", dn, groupDn);
      }
    }
    LdapName quarantined = LdapNameBuilder.newInstance(relative(properties.quarantineOu()))
        .add("CN", account.getStringAttribute("cn")).build();
    LdapName current = LdapUtils.newLdapName(account.getDn());
    if (!current.equals(quarantined)) {
      ldap.rename(current, quarantined);
    }
    String result = LdapNameBuilder.newInstance(base).add(quarantined).build().toString();
    log.info("Quarantined {} (employeeID {}) as {}: disabled, out of its groups", dn, employeeId, result);
    return Optional.of(result);
  }

  /** The groups that hold the account as a member (memberOf is computed by AD, not by every directory). */
  private List<String> groupsOf(String dn) {
    return ldap.search(query().where("objectClass").is("group").and("member").is(dn),
        (Object found) -> ((DirContextOperations) found).getNameInNamespace());
  }

  /** Adds the member; a member already there is what we wanted (AD answers 20 or 68). */
  private void join(String groupDn, String memberDn) {
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
    entry.setAttributeValue("userAccountControl", Integer.toString(UAC_NORMAL_ACCOUNT | UAC_ACCOUNT_DISABLE));
    remoteMailbox.attributesFor(plan).forEach((name, values) -> entry.setAttributeValues(name, values.toArray()));
    return entry;
  }

  /** A policy may refuse even a strong random password (history, banned words): make another. */
  private void setInitialPassword(Name dn) {
    for (int attempt = 1; ; attempt++) {
      char[] password = passwords.get();
      try {
        ldap.modifyAttributes(dn, new ModificationItem[] {
            new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
                new BasicAttribute("unicodePwd", Passwords.unicodePwd(password)))});
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

  private void enable(Name dn) {
    ldap.modifyAttributes(dn, new ModificationItem[] {
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
            new BasicAttribute("userAccountControl", Integer.toString(UAC_NORMAL_ACCOUNT))),
        // 0: the user must choose a new password at the first logon.
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("pwdLastSet", "0"))});
  }

  private AdAccount read(Name dn) {
    DirContextOperations account = ldap.lookupContext(dn);
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

  private static boolean isDisabled(DirContextOperations account) {
    String uac = account.getStringAttribute("userAccountControl");
    return uac != null && (Integer.parseInt(uac) & UAC_ACCOUNT_DISABLE) != 0;
  }

  private Optional<DirContextOperations> findByEmployeeId(String employeeId) {
    List<DirContextOperations> found = ldap.search(query()
            .where("objectClass").is("user").and("employeeID").is(employeeId),
        (Object ctx) -> (DirContextOperations) ctx);
    if (found.size() > 1) {
      throw new DirectoryException(DirectoryException.Code.ACCOUNT_EXISTS, found.size() + " accounts have employeeID " + employeeId);
    }
    return found.stream().findFirst();
  }

  /** Names given as full DNs (OUs, managers) relative to spring.ldap.base, as LdapTemplate expects. */
  private LdapName relative(String fullDn) {
    LdapName name = LdapUtils.newLdapName(fullDn);
    return name.startsWith(base) ? LdapUtils.removeFirst(name, base) : name;
  }
}

package org.hybridonboarding.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.naming.directory.SearchControls;
import javax.naming.ldap.LdapName;
import org.hybridonboarding.directory.ObjectGuids;
import org.hybridonboarding.directory.UserAccountControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.ldap.support.LdapUtils;

/**
 * A simulated Entra Connect Sync: every sync interval it reads the users in its scope OUs over
 * LDAP, as the real one does, and exports them to the simulated tenant, anchored on objectGUID.
 * Like the real one it reads what changed (a delta import) and only now and then everything.
 */
class ConnectSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConnectSync.class);
  private static final String REMOTE_USER_MAILBOX = "2147483648";
  private static final String REMOTE_SHARED_MAILBOX = "34359738368";
  private static final int PAGE_SIZE = 500;
  private static final String[] ATTRIBUTES = {"objectGUID", "sAMAccountName", "userPrincipalName", "mail",
      "mailNickname", "proxyAddresses", "employeeID", "displayName", "givenName", "sn", "department", "title",
      "msExchUsageLocation", "userAccountControl", "msExchRecipientTypeDetails", "targetAddress",
      "msExchMailboxGuid", "uSNChanged"};
  private static final String[] GROUP_ATTRIBUTES = {"objectGUID", "cn", "member", "uSNChanged"};
  /** Connect Sync reads everything now and then (here: every 100th cycle) and only changes in between. */
  private static final int FULL_IMPORT_EVERY = 100;

  private final LdapTemplate ldap;
  private final SimulatedTenant tenant;
  private final List<LdapName> scope;
  private volatile boolean paused;
  /** The users this sync exported: only those it may delete. */
  private final Set<String> exported = new HashSet<>();
  /** The highest uSNChanged read, now and as of the cycle before. */
  private long highestUsn;
  private long highestUsnBefore;
  /** -1 until the first cycle, which is a full import. */
  private int cyclesSinceFullImport = -1;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "simulated-connect-sync");
    thread.setDaemon(true);
    return thread;
  });

  ConnectSync(LdapTemplate ldap, LdapName base, SimulatedTenant tenant, SimulatorProperties properties) {
    this.ldap = ldap;
    this.tenant = tenant;
    this.scope = properties.syncScope().stream().map(LdapUtils::newLdapName)
        .map(ou -> ou.startsWith(base) ? LdapUtils.removeFirst(ou, base) : ou)
        .toList();
  }

  void start(java.time.Duration interval) {
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops exporting (a Connect Sync server in staging mode, or one that is down) until resumed. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
  }

  private void runQuietly() {
    if (paused) {
      return;
    }
    try {
      runCycle();
    } catch (RuntimeException e) {
      // Like the real Connect Sync: a failed cycle is reported and the next one tries again.
      log.warn("Simulated Connect Sync cycle failed: {}", e.toString());
    }
  }

  /**
   * One cycle: a full import of the scope first and every FULL_IMPORT_EVERY cycles, a delta import
   * in between. Users, then groups with their members, then group-based licensing runs as it does
   * in the cloud after a sync. Returns how many users were read.
   */
  synchronized int runCycle() {
    long readFrom = highestUsnBefore + 1;
    highestUsnBefore = highestUsn;
    if (cyclesSinceFullImport < 0 || ++cyclesSinceFullImport >= FULL_IMPORT_EVERY) {
      cyclesSinceFullImport = 0;
      return fullImport();
    }
    return deltaImport(readFrom);
  }

  /** Reads the whole scope; users this sync exported that are no longer in it are deleted in the cloud. */
  private int fullImport() {
    List<SyncedAccount> accounts = new ArrayList<>();
    List<SyncedGroup> groups = new ArrayList<>();
    for (LdapName ou : scope) {
      try {
        accounts.addAll(pagedSearch(ou, "(objectClass=user)", ATTRIBUTES, this::account));
        groups.addAll(pagedSearch(ou, "(objectClass=group)", GROUP_ATTRIBUTES, this::group));
      } catch (org.springframework.ldap.NameNotFoundException missing) {
        // As Connect Sync does with a container gone from its scope: the others are still synced.
        log.warn("Simulated Connect Sync: the OU {} in its scope does not exist", ou);
      }
    }
    Set<String> seen = accounts.stream().map(SyncedAccount::immutableId).collect(Collectors.toSet());
    List<String> left = exported.stream().filter(id -> !seen.contains(id)).toList();
    export(accounts, left, groups);
    return accounts.size();
  }

  /**
   * Reads what changed since the cycle before last (uSNChanged, as delta reads of AD do), across
   * the whole domain: a changed user outside the scope that this sync exported has left it (moved
   * to the quarantine OU). Each change is read in two cycles, so one stamped while the previous
   * read was under way is not missed.
   */
  private int deltaImport(long readFrom) {
    String changed = "(uSNChanged>=" + readFrom + ")";
    List<SyncedAccount> accounts = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Map.Entry<LdapName, SyncedAccount> user
        : pagedSearch(LdapUtils.emptyLdapName(), "(&(objectClass=user)" + changed + ")", ATTRIBUTES,
            ctx -> Map.entry(LdapUtils.newLdapName(ctx.getDn()), account(ctx)))) {
      if (inScope(user.getKey())) {
        accounts.add(user.getValue());
      } else if (exported.contains(user.getValue().immutableId())) {
        left.add(user.getValue().immutableId());
      }
    }
    List<SyncedGroup> groups = new ArrayList<>();
    for (LdapName ou : scope) {
      try {
        groups.addAll(pagedSearch(ou, "(&(objectClass=group)" + changed + ")", GROUP_ATTRIBUTES, this::group));
      } catch (org.springframework.ldap.NameNotFoundException missing) {
        log.debug("Simulated Connect Sync: the OU {} in its scope does not exist", ou);
      }
    }
    export(accounts, left, groups);
    return accounts.size();
  }

  private boolean inScope(LdapName dn) {
    return scope.stream().anyMatch(dn::startsWith);
  }

  private void export(List<SyncedAccount> accounts, List<String> left, List<SyncedGroup> groups) {
    int before = tenant.users().size();
    accounts.forEach(tenant::sync);
    accounts.forEach(account -> exported.add(account.immutableId()));
    for (String gone : left) {
      tenant.deleteSynced(gone);
      exported.remove(gone);
      log.info("Simulated Connect Sync deleted a user that left its scope");
    }
    groups.forEach(tenant::sync);
    tenant.processGroupLicensing();
    int created = Math.max(0, tenant.users().size() - before);
    if (created > 0) {
      log.info("Simulated Connect Sync exported {} new user(s) to the tenant", created);
    }
  }

  /** AD returns at most MaxPageSize (1,000) entries to a plain search: read in pages, on one connection. */
  private <T> List<T> pagedSearch(LdapName base, String filter, String[] attributes,
      java.util.function.Function<DirContextOperations, T> mapper) {
    SearchControls controls = new SearchControls();
    controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
    controls.setReturningAttributes(attributes);
    PagedResultsDirContextProcessor pages = new PagedResultsDirContextProcessor(PAGE_SIZE);
    // Read-only; referrals (a delta read starts at the domain root) are not errors.
    return SingleContextSource.doWithSingleContext(ldap.getContextSource(), operations -> {
      List<T> all = new ArrayList<>();
      do {
        all.addAll(operations.search(base, filter, controls,
            (Object found) -> mapper.apply((DirContextOperations) found), pages));
      } while (pages.hasMore());
      return all;
    }, true, true, false);
  }

  private SyncedGroup group(DirContextOperations ctx) {
    noteUsn(ctx);
    String[] members = ctx.getStringAttributes("member");
    return new SyncedGroup(ctx.getNameInNamespace(), ObjectGuids.immutableId(guid(ctx)), ctx.getStringAttribute("cn"),
        members == null ? List.of() : Arrays.asList(members));
  }

  private void noteUsn(DirContextOperations ctx) {
    String usn = ctx.getStringAttribute("uSNChanged");
    if (usn != null) {
      highestUsn = Math.max(highestUsn, Long.parseLong(usn));
    }
  }

  private static byte[] guid(DirContextOperations ctx) {
    Object guid = ctx.getObjectAttribute("objectGUID");
    if (!(guid instanceof byte[] bytes)) {
      throw new IllegalStateException("objectGUID of " + ctx.getNameInNamespace() + " was not read as binary");
    }
    return bytes;
  }

  private SyncedAccount account(DirContextOperations ctx) {
    noteUsn(ctx);
    String[] proxies = ctx.getStringAttributes("proxyAddresses");
    boolean enabled = !UserAccountControl.isDisabled(ctx.getStringAttribute("userAccountControl"));
    String typeDetails = ctx.getStringAttribute("msExchRecipientTypeDetails");
    boolean remoteMailbox = REMOTE_USER_MAILBOX.equals(typeDetails) || REMOTE_SHARED_MAILBOX.equals(typeDetails)
        || ctx.getStringAttribute("targetAddress") != null;
    return new SyncedAccount(
        ctx.getNameInNamespace(),
        ObjectGuids.immutableId(guid(ctx)),
        ctx.getStringAttribute("sAMAccountName"),
        ctx.getStringAttribute("userPrincipalName"),
        ctx.getStringAttribute("mail"),
        ctx.getStringAttribute("mailNickname"),
        proxies == null ? List.of() : Arrays.asList(proxies),
        ctx.getStringAttribute("employeeID"),
        ctx.getStringAttribute("displayName"),
        ctx.getStringAttribute("givenName"),
        ctx.getStringAttribute("sn"),
        ctx.getStringAttribute("department"),
        ctx.getStringAttribute("title"),
        ctx.getStringAttribute("msExchUsageLocation"),
        enabled,
        remoteMailbox,
        ctx.getObjectAttribute("msExchMailboxGuid") != null,
        REMOTE_SHARED_MAILBOX.equals(typeDetails));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

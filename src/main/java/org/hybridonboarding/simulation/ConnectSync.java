package org.hybridonboarding.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.naming.directory.SearchControls;
import javax.naming.ldap.LdapName;
import org.hybridonboarding.directory.ObjectGuids;
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
 */
class ConnectSync implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConnectSync.class);
  private static final String REMOTE_USER_MAILBOX = "2147483648";
  private static final int PAGE_SIZE = 500;
  private static final String[] ATTRIBUTES = {"objectGUID", "sAMAccountName", "userPrincipalName", "mail",
      "mailNickname", "proxyAddresses", "employeeID", "displayName", "givenName", "sn", "department", "title",
      "msExchUsageLocation", "userAccountControl", "msExchRecipientTypeDetails", "targetAddress",
      "msExchMailboxGuid"};

  private final LdapTemplate ldap;
  private final SimulatedTenant tenant;
  private final List<LdapName> scope;
  private volatile boolean paused;
  /** The users this sync exported last time: only those it may delete. */
  private final Set<String> exported = new HashSet<>();
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
   * One delta cycle (here: a full read of the scope): users, then groups with their members,
   * then group-based licensing runs as it does in the cloud after a sync. Returns how many users
   * were exported.
   */
  synchronized int runCycle() {
    List<SyncedAccount> accounts = new ArrayList<>();
    List<SyncedGroup> groups = new ArrayList<>();
    for (LdapName ou : scope) {
      accounts.addAll(pagedSearch(ou, "(objectClass=user)", ATTRIBUTES, ConnectSync::account));
      groups.addAll(pagedSearch(ou, "(objectClass=group)", new String[] {"objectGUID", "cn", "member"}, ConnectSync::group));
    }
    int before = tenant.users().size();
    accounts.forEach(tenant::sync);
    Set<String> seen = accounts.stream().map(SyncedAccount::immutableId).collect(Collectors.toSet());
    for (String gone : exported) {
      if (!seen.contains(gone)) {
        tenant.deleteSynced(gone);
        log.info("Simulated Connect Sync deleted a user that left its scope");
      }
    }
    exported.clear();
    exported.addAll(seen);
    groups.forEach(tenant::sync);
    tenant.processGroupLicensing();
    int created = Math.max(0, tenant.users().size() - before);
    if (created > 0) {
      log.info("Simulated Connect Sync exported {} new user(s) to the tenant", created);
    }
    return accounts.size();
  }

  /** AD returns at most MaxPageSize (1,000) entries to a plain search: read in pages, on one connection. */
  private <T> List<T> pagedSearch(LdapName base, String filter, String[] attributes,
      java.util.function.Function<DirContextOperations, T> mapper) {
    SearchControls controls = new SearchControls();
    controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
    controls.setReturningAttributes(attributes);
    PagedResultsDirContextProcessor pages = new PagedResultsDirContextProcessor(PAGE_SIZE);
    return SingleContextSource.doWithSingleContext(ldap.getContextSource(), operations -> {
      List<T> all = new ArrayList<>();
      do {
        all.addAll(operations.search(base, filter, controls,
            (Object found) -> mapper.apply((DirContextOperations) found), pages));
      } while (pages.hasMore());
      return all;
    });
  }

  private static SyncedGroup group(DirContextOperations ctx) {
    String[] members = ctx.getStringAttributes("member");
    return new SyncedGroup(ctx.getNameInNamespace(), ObjectGuids.immutableId(guid(ctx)), ctx.getStringAttribute("cn"),
        members == null ? List.of() : Arrays.asList(members));
  }

  private static byte[] guid(DirContextOperations ctx) {
    Object guid = ctx.getObjectAttribute("objectGUID");
    if (!(guid instanceof byte[] bytes)) {
      throw new IllegalStateException("objectGUID of " + ctx.getNameInNamespace() + " was not read as binary");
    }
    return bytes;
  }

  private static SyncedAccount account(DirContextOperations ctx) {
    String[] proxies = ctx.getStringAttributes("proxyAddresses");
    String uac = ctx.getStringAttribute("userAccountControl");
    boolean enabled = uac == null || (Integer.parseInt(uac) & 0x2) == 0;
    boolean remoteMailbox = REMOTE_USER_MAILBOX.equals(ctx.getStringAttribute("msExchRecipientTypeDetails"))
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
        ctx.getObjectAttribute("msExchMailboxGuid") != null);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}

package org.hybridonboarding.simulation;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.StaticUtils;
import java.nio.charset.StandardCharsets;
import org.hybridonboarding.directory.UserAccountControl;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Locale;

/**
 * Makes the in-memory directory answer like Active Directory where the onboarding can tell:
 * objectGUID and whenCreated generated on add, sAMAccountName unique (68) and at most 20
 * characters, userPrincipalName unique (19, 0000202F), unicodePwd write-only and checked against
 * the default password policy (19, 0000052D), and an update sequence number (uSNCreated,
 * uSNChanged) on every add, change and move of a user or group, which delta reads filter on, and
 * no bind for a disabled account, and a wrong password counted in badPwdCount.
 */
class ActiveDirectoryBehaviour extends InMemoryOperationInterceptor {

  static final int MAX_SAM_ACCOUNT_NAME = 20;
  static final int MIN_PASSWORD_LENGTH = 7;
  /** 100-ns intervals between 1601-01-01 (Windows FILETIME) and 1970-01-01. */
  private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

  private static final List<String> SYSTEM_OWNED = List.of("objectGUID", "whenCreated", "uSNCreated", "uSNChanged");

  private final SecureRandom random = new SecureRandom();
  /** The directory's update sequence number: one per change, increasing, as a DC's highestCommittedUSN. */
  private final AtomicLong usn = new AtomicLong();
  /** Set while this interceptor itself counts a failed bind: no sequence number for that. */
  private final ThreadLocal<Boolean> bookkeeping = ThreadLocal.withInitial(() -> false);
  /** Set while this interceptor itself stamps a moved entry. */
  private final ThreadLocal<Boolean> stampOnly = ThreadLocal.withInitial(() -> false);
  /** Names of adds under way: the check and the add are two steps, and AD's uniqueness is atomic. */
  private final Set<String> inFlight = new HashSet<>();
  private final Clock clock;
  private InMemoryDirectoryServer server;

  ActiveDirectoryBehaviour(Clock clock) {
    this.clock = clock;
  }

  void attachTo(InMemoryDirectoryServer server) {
    this.server = server;
  }

  @Override
  public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
    Entry entry = request.getRequest().toEntry();
    if (!entry.hasObjectClass("user") && !entry.hasObjectClass("group")) {
      return;
    }
    for (String owned : SYSTEM_OWNED) {
      if (entry.hasAttribute(owned)) {
        throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
            "000020B1: " + owned + " is owned by the system and cannot be written");
      }
    }
    String sam = entry.getAttributeValue("sAMAccountName");
    String upn = entry.getAttributeValue("userPrincipalName");
    if (sam != null && entry.hasObjectClass("user") && sam.length() > MAX_SAM_ACCOUNT_NAME) {
      throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
          "00000523: sAMAccountName '" + sam + "' is longer than " + MAX_SAM_ACCOUNT_NAME + " characters");
    }
    byte[] password = entry.getAttributeValueBytes("unicodePwd");
    if (password != null) {
      checkPassword(password, sam);
      entry.removeAttribute("unicodePwd");
      entry.setAttribute("pwdLastSet", Long.toString(fileTimeNow()));
    }
    // Last: nothing may refuse the add between reserving the names and the add itself.
    reserve(sam, upn);
    byte[] guid = new byte[16];
    random.nextBytes(guid);
    entry.setAttribute("objectGUID", guid);
    entry.setAttribute("whenCreated", StaticUtils.encodeGeneralizedTime(Date.from(clock.instant())));
    String created = Long.toString(usn.incrementAndGet());
    entry.setAttribute("uSNCreated", created);
    entry.setAttribute("uSNChanged", created);
    request.setRequest(new AddRequest(entry, request.getRequest().getControls()));
  }

  /** Checks both names free, in the directory and among adds under way, and holds them until the add ends. */
  private synchronized void reserve(String sam, String upn) throws LDAPException {
    String samKey = sam == null ? null : "sam:" + sam.toLowerCase(Locale.ROOT);
    String upnKey = upn == null ? null : "upn:" + upn.toLowerCase(Locale.ROOT);
    if (sam != null && (inFlight.contains(samKey) || exists(Filter.createEqualityFilter("sAMAccountName", sam)))) {
      throw new LDAPException(ResultCode.ENTRY_ALREADY_EXISTS,
          "00002071: samldb: sAMAccountName '" + sam + "' already in use!");
    }
    if (upn != null && (inFlight.contains(upnKey) || exists(Filter.createEqualityFilter("userPrincipalName", upn)))) {
      throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
          "0000202F: samldb: userPrincipalName '" + upn + "' is already in use");
    }
    if (samKey != null) {
      inFlight.add(samKey);
    }
    if (upnKey != null) {
      inFlight.add(upnKey);
    }
  }

  /** The add is done (stored or refused): the directory itself now answers for its names. */
  @Override
  public synchronized void processAddResult(InMemoryInterceptedAddResult result) {
    Entry entry = result.getRequest().toEntry();
    String sam = entry.getAttributeValue("sAMAccountName");
    String upn = entry.getAttributeValue("userPrincipalName");
    if (sam != null) {
      inFlight.remove("sam:" + sam.toLowerCase(Locale.ROOT));
    }
    if (upn != null) {
      inFlight.remove("upn:" + upn.toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
    if (bookkeeping.get()) {
      return;
    }
    List<Modification> modifications = new ArrayList<>();
    for (Modification modification : request.getRequest().getModifications()) {
      String name = modification.getAttributeName();
      if (stampOnly.get() && "uSNChanged".equalsIgnoreCase(name)) {
        continue;
      }
      if (SYSTEM_OWNED.stream().anyMatch(name::equalsIgnoreCase)) {
        throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
            "000020B1: " + name + " is owned by the system and cannot be written");
      }
      if ("unicodePwd".equalsIgnoreCase(name)) {
        if (modification.getModificationType() != ModificationType.REPLACE || !modification.hasValue()) {
          throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
              "0000001F: only an administrative reset (replace) of unicodePwd is supported");
        }
        Entry target = server.getEntry(request.getRequest().getDN());
        checkPassword(modification.getValueByteArrays()[0],
            target == null ? null : target.getAttributeValue("sAMAccountName"));
        // The password itself is never stored: AD records only when it was set, in its place among
        // the changes, so a pwdLastSet=0 after it in the same modify (must change at next logon) wins.
        modifications.add(new Modification(ModificationType.REPLACE, "pwdLastSet", Long.toString(fileTimeNow())));
      } else {
        modifications.add(modification);
      }
    }
    if (hasSequenceNumber(request.getRequest().getDN())) {
      modifications.add(new Modification(ModificationType.REPLACE, "uSNChanged", Long.toString(usn.incrementAndGet())));
    }
    request.setRequest(new ModifyRequest(request.getRequest().getDN(), modifications, request.getRequest().getControls()));
  }

  /** A disabled account (userAccountControl bit 2) cannot bind, whatever its password: AD's 49 with data 533. */
  @Override
  public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
    String dn = request.getRequest().getBindDN();
    Entry account = dn == null || dn.isEmpty() ? null : server.getEntry(dn);
    if (account != null && UserAccountControl.isDisabled(account.getAttributeValue("userAccountControl"))) {
      throw new LDAPException(ResultCode.INVALID_CREDENTIALS,
          "80090308: LdapErr: DSID-0C090447, comment: AcceptSecurityContext error, data 533, v3839");
    }
  }

  /**
   * A wrong password counts in the account's badPwdCount, as on a DC (where the lockout policy reads
   * it); not replicated, so no new uSNChanged.
   */
  @Override
  public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
    String dn = result.getRequest().getBindDN();
    if (result.getResult().getResultCode() != ResultCode.INVALID_CREDENTIALS || dn == null || dn.isEmpty()) {
      return;
    }
    try {
      Entry account = server.getEntry(dn);
      if (account != null && account.hasObjectClass("user")) {
        long bad = account.hasAttribute("badPwdCount") ? Long.parseLong(account.getAttributeValue("badPwdCount")) : 0;
        bookkeeping.set(true);
        try {
          server.modify(dn, new Modification(ModificationType.REPLACE, "badPwdCount", Long.toString(bad + 1)));
        } finally {
          bookkeeping.remove();
        }
      }
    } catch (LDAPException e) {
      throw new IllegalStateException("could not count a failed bind of " + dn, e);
    }
  }

  /** A move or rename changes the object too (Connect Sync sees a user leave its scope this way). */
  @Override
  public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
    if (result.getResult().getResultCode() != ResultCode.SUCCESS) {
      return;
    }
    try {
      DN old = new DN(result.getRequest().getDN());
      String superior = result.getRequest().getNewSuperiorDN();
      DN moved = new DN(new com.unboundid.ldap.sdk.RDN(result.getRequest().getNewRDN()),
          superior == null ? old.getParent() : new DN(superior));
      if (hasSequenceNumber(moved.toString())) {
        // An empty change: whether or not it passes through processModifyRequest, the entry gets a new uSNChanged.
        stampOnly.set(true);
        try {
          server.modify(moved.toString(), new Modification(ModificationType.REPLACE, "uSNChanged",
              Long.toString(usn.incrementAndGet())));
        } finally {
          stampOnly.remove();
        }
      }
    } catch (LDAPException e) {
      throw new IllegalStateException("could not stamp uSNChanged after a move", e);
    }
  }

  private boolean hasSequenceNumber(String dn) throws LDAPException {
    Entry target = server.getEntry(dn);
    return target != null && target.hasAttribute("uSNCreated");
  }

  /** AD's default policy: the quoted UTF-16LE form, at least 7 characters, 3 of 4 character classes, no account name. */
  private static void checkPassword(byte[] unicodePwd, String samAccountName) throws LDAPException {
    String quoted = new String(unicodePwd, StandardCharsets.UTF_16LE);
    if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
      throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
          "0000001F: unicodePwd must be the password in double quotes, encoded as UTF-16LE");
    }
    String password = quoted.substring(1, quoted.length() - 1);
    int classes = 0;
    classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
    classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
    classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
    boolean containsName = samAccountName != null && samAccountName.length() >= 3
        && password.toLowerCase(Locale.ROOT).contains(samAccountName.toLowerCase(Locale.ROOT));
    if (password.length() < MIN_PASSWORD_LENGTH || classes < 3 || containsName) {
      throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
          "0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!");
    }
  }

  private boolean exists(Filter filter) throws LDAPException {
    return server.search(server.getBaseDNs().get(0).toString(), SearchScope.SUB, filter, "1.1").getEntryCount() > 0;
  }

  private long fileTimeNow() {
    return clock.millis() * 10_000L + FILETIME_EPOCH_OFFSET;
  }
}

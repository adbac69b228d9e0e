package org.hybridonboarding.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;

/** The embedded directory answers like Active Directory where the onboarding can tell. */
class EmbeddedDirectoryIT {

  static final String BASE = "DC=contoso,DC=com";
  static final String ADMIN = "CN=admin,DC=contoso,DC=com";

  EmbeddedDirectory directory;
  LDAPConnection ldap;

  @BeforeEach
  void start() throws Exception {
    LdapProperties properties = new LdapProperties();
    properties.setUrls(new String[] {"ldap://localhost:0"});
    properties.setBase(BASE);
    properties.setUsername(ADMIN);
    properties.setPassword("admin");
    directory = new EmbeddedDirectory(properties, new MutableClock(Instant.parse("2026-11-29T09:00:00Z")));
    ldap = new LDAPConnection("localhost", directory.port(), ADMIN, "admin");
  }

  @AfterEach
  void stop() {
    ldap.close();
    directory.close();
  }

  static Entry user(String cn, String sam, String upn) {
    return new Entry("CN=" + cn + ",OU=Staff," + BASE,
        new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
        new Attribute("cn", cn), new Attribute("sn", cn),
        new Attribute("sAMAccountName", sam), new Attribute("userPrincipalName", upn),
        new Attribute("userAccountControl", "514"));
  }

  static byte[] unicodePwd(String password) {
    return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
  }

  static ResultCode failureOf(ThrowingRunnable call) {
    try {
      call.run();
    } catch (LDAPException e) {
      return e.getResultCode();
    }
    throw new AssertionError("expected the directory to refuse");
  }

  interface ThrowingRunnable {
    void run() throws LDAPException;
  }

  @Test
  void seedsTheDemoManagersWithObjectGuids() throws Exception {
    Entry megan = ldap.searchForEntry(BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(employeeID=E00001)", "*", "objectGUID");
    assertThat(megan.getAttributeValue("sAMAccountName")).isEqualTo("megan.bowen");
    assertThat(megan.getAttributeValueBytes("objectGUID")).hasSize(16);
    assertThat(ldap.searchForEntry(BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(employeeID=E00002)")
        .getAttributeValue("department")).isEqualTo("IT");
  }

  @Test
  void generatesObjectGuidAndWhenCreated() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));

    Entry entry = ldap.getEntry("CN=Ann Lee,OU=Staff," + BASE, "objectGUID", "whenCreated");
    assertThat(entry.getAttributeValueBytes("objectGUID")).hasSize(16);
    assertThat(entry.getAttributeValue("whenCreated")).startsWith("20261129090000");
  }

  @Test
  void objectGuidIsTheSystemsToWrite() {
    Entry entry = user("Ann Lee", "ann.lee", "ann.lee@contoso.com");
    entry.addAttribute("objectGUID", new byte[16]);

    assertThat(failureOf(() -> ldap.add(entry))).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
  }

  @Test
  void aDuplicateSamAccountNameIs68() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));

    assertThat(failureOf(() -> ldap.add(user("Ann Lee 2", "ANN.LEE", "ann.lee2@contoso.com"))))
        .isEqualTo(ResultCode.ENTRY_ALREADY_EXISTS);
  }

  @Test
  void concurrentAddsOfOneNameLeaveOneAccount() throws Exception {
    int threads = 8;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<ResultCode>> results = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        try (LDAPConnection own = new LDAPConnection("localhost", directory.port(), ADMIN, "admin")) {
          start.await();
          own.add(user("Twin " + n, "twin", "twin" + n + "@contoso.com"));
          return ResultCode.SUCCESS;
        } catch (LDAPException e) {
          return e.getResultCode();
        }
      }));
    }
    start.countDown();
    java.util.List<ResultCode> codes = new java.util.ArrayList<>();
    for (var result : results) {
      codes.add(result.get());
    }
    pool.shutdown();

    assertThat(codes).filteredOn(ResultCode.SUCCESS::equals).hasSize(1);
    assertThat(codes).filteredOn(ResultCode.ENTRY_ALREADY_EXISTS::equals).hasSize(threads - 1);
    assertThat(ldap.search(BASE, com.unboundid.ldap.sdk.SearchScope.SUB, "(sAMAccountName=twin)").getEntryCount()).isEqualTo(1);
  }

  @Test
  void aDuplicateUpnIs19With0000202F() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));

    LDAPException e = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
        () -> ldap.add(user("Ann Lee 2", "ann.lee2", "Ann.Lee@contoso.com")));
    assertThat(e.getResultCode()).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
    assertThat(e.getDiagnosticMessage()).contains("0000202F");
  }

  @Test
  void samAccountNamesLongerThanTwentyAreRefused() {
    assertThat(failureOf(() -> ldap.add(user("Long", "abcdefghijklmnopqrstu", "long@contoso.com"))))
        .isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
  }

  @Test
  void weakPasswordsAre19With0000052D() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));
    String dn = "CN=Ann Lee,OU=Staff," + BASE;

    for (String weak : new String[] {"sh0rt!", "alllowercase", "Ann.Lee-2026!"}) {
      LDAPException e = org.junit.jupiter.api.Assertions.assertThrows(LDAPException.class,
          () -> ldap.modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd(weak))));
      assertThat(e.getResultCode()).as(weak).isEqualTo(ResultCode.CONSTRAINT_VIOLATION);
      assertThat(e.getDiagnosticMessage()).as(weak).contains("0000052D");
    }
  }

  @Test
  void passwordsAreWriteOnly() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));
    String dn = "CN=Ann Lee,OU=Staff," + BASE;

    ldap.modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd", unicodePwd("Xk4#pQ9!vL2m")));

    Entry entry = ldap.getEntry(dn, "*", "unicodePwd", "pwdLastSet");
    assertThat(entry.hasAttribute("unicodePwd")).isFalse();
    // FILETIME (100 ns since 1601) of the directory's clock
    long millis = Instant.parse("2026-11-29T09:00:00Z").toEpochMilli();
    assertThat(entry.getAttributeValueAsLong("pwdLastSet")).isEqualTo(millis * 10_000L + 116_444_736_000_000_000L);
  }

  @Test
  void aPasswordMustBeQuotedUtf16() throws Exception {
    ldap.add(user("Ann Lee", "ann.lee", "ann.lee@contoso.com"));

    assertThat(failureOf(() -> ldap.modify("CN=Ann Lee,OU=Staff," + BASE, new Modification(ModificationType.REPLACE,
        "unicodePwd", "Xk4#pQ9!vL2m".getBytes(StandardCharsets.UTF_8))))).isEqualTo(ResultCode.UNWILLING_TO_PERFORM);
  }

  @Test
  void anonymousClientsGetNothing() throws Exception {
    try (LDAPConnection anonymous = new LDAPConnection("localhost", directory.port())) {
      assertThatThrownBy(() -> anonymous.getEntry(BASE)).isInstanceOf(LDAPException.class);
    }
  }

  @Test
  void unknownAttributesAreRefusedLikeASchemaWould() {
    Entry entry = user("Ann Lee", "ann.lee", "ann.lee@contoso.com");
    entry.addAttribute("favouriteColour", "blue");

    assertThat(failureOf(() -> ldap.add(entry))).isEqualTo(ResultCode.OBJECT_CLASS_VIOLATION);
  }
}

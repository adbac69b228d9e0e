package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.ldap.query.LdapQueryBuilder.query;

import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.support.LdapNameBuilder;
import org.springframework.ldap.support.LdapUtils;

/**
 * What the onboarding relies on from Active Directory, run against the embedded directory and
 * against a real Samba AD domain controller over LDAPS: the same tests, the same gateway.
 */
abstract class DirectoryContract {

  static final String MEGAN = "CN=Megan Bowen,OU=Staff,DC=contoso,DC=com";
  static final String LICENSING_GROUP = "CN=Licensing-SPE_E3,OU=Groups,DC=contoso,DC=com";
  static final String STRONG = "Vq7#mZp2!xL9wKd4";

  /** Letters unique to this run: the Samba domain lives on between test classes. */
  final String run = randomLetters(5);
  LdapTemplate ldap;
  LdapDirectoryGateway directory;
  LdapLeavers leavers;
  LdapMovers movers;
  DirectoryProperties properties;
  final Deque<String> nextPasswords = new ArrayDeque<>();
  int counter;

  /** url, base, bind DN, password of the directory under test. */
  abstract String[] connection();

  @BeforeEach
  void connect() {
    String[] c = connection();
    LdapContextSource source = new LdapContextSource();
    source.setUrl(c[0]);
    source.setBase(c[1]);
    source.setUserDn(c[2]);
    source.setPassword(c[3]);
    source.setBaseEnvironmentProperties(Map.of("java.naming.ldap.attributes.binary", "objectGUID msExchMailboxGuid"));
    source.afterPropertiesSet();
    ldap = new LdapTemplate(source);
    ldap.setIgnorePartialResultException(true);
    // Leavers go to the quarantine OU here: it exists in both directories, and where they go is configuration.
    properties = new DirectoryProperties(false, "OU=Staff," + c[1], "OU=Quarantine," + c[1], "OU=Quarantine," + c[1],
        "OU=Quarantine," + c[1], "contoso.com",
        "contoso.com", "contoso.mail.onmicrosoft.com", false,
        Map.of("Sales", "OU=Sales,OU=Staff," + c[1]), Map.of("Sales", List.of("CN=Sales,OU=Groups," + c[1])), 10);
    leavers = new LdapLeavers(ldap, LdapUtils.newLdapName(c[1]), properties, Passwords::generate);
    movers = new LdapMovers(ldap, LdapUtils.newLdapName(c[1]), properties);
    directory = new LdapDirectoryGateway(ldap, LdapUtils.newLdapName(c[1]), properties, new LdapRemoteMailbox(properties),
        new NamingRules(NamingProperties.defaults()), () -> nextPasswords.isEmpty() ? Passwords.generate() : nextPasswords.pop().toCharArray());
  }

  String employeeId() {
    return "C" + run + String.format(Locale.ROOT, "%03d", ++counter);
  }

  NewHire hire(String givenName, String surname) {
    return new NewHire(employeeId(), givenName, surname, "Finance", "Accountant", "E00001", "DE");
  }

  DirContextOperations read(String dn) {
    return ldap.lookupContext(relative(dn));
  }

  javax.naming.Name relative(String dn) {
    return LdapUtils.removeFirst(LdapUtils.newLdapName(dn), LdapUtils.newLdapName(connection()[1]));
  }

  /** Another account created behind the onboarding's back, as an admin or another tool would. */
  void createForeignAccount(String cn, String sam, String upn, String employeeId) {
    DirContextAdapter entry = new DirContextAdapter(LdapNameBuilder.newInstance("OU=Staff").add("cn", cn).build());
    entry.setAttributeValues("objectClass", new String[] {"top", "person", "organizationalPerson", "user"});
    entry.setAttributeValue("cn", cn);
    entry.setAttributeValue("sAMAccountName", sam);
    entry.setAttributeValue("userPrincipalName", upn);
    if (employeeId != null) {
      entry.setAttributeValue("employeeID", employeeId);
    }
    entry.setAttributeValue("userAccountControl", "514");
    ldap.bind(entry);
  }

  @Test
  void createsTheAccountWithEveryAttribute() {
    NewHire hire = hire("José", "Müller" + run);
    IdentityPlan plan = directory.planIdentity(hire, Set.of());

    AdAccount account = directory.createAccount(hire, plan, List.of(LICENSING_GROUP), "onboarding-1", false);

    String alias = "jose.mueller" + run;
    DirContextOperations entry = read(account.dn());
    assertThat(entry.getStringAttribute("sAMAccountName")).isEqualTo(NamingRules.samAccountName(alias, 1));
    assertThat(entry.getStringAttribute("userPrincipalName")).isEqualTo(alias + "@contoso.com");
    assertThat(entry.getStringAttribute("mail")).isEqualTo(alias + "@contoso.com");
    assertThat(entry.getStringAttribute("mailNickname")).isEqualTo(alias);
    assertThat(entry.getStringAttribute("targetAddress")).isEqualTo("SMTP:" + alias + "@contoso.mail.onmicrosoft.com");
    assertThat(entry.getStringAttributes("proxyAddresses")).containsExactlyInAnyOrder(
        "SMTP:" + alias + "@contoso.com", "smtp:" + alias + "@contoso.mail.onmicrosoft.com");
    assertThat(entry.getStringAttribute("msExchRecipientDisplayType")).isEqualTo("-2147483642");
    assertThat(entry.getStringAttribute("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(entry.getStringAttribute("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(entry.getStringAttribute("msExchVersion")).isEqualTo("88218628259840");
    assertThat(entry.getStringAttribute("msExchUsageLocation")).isEqualTo("DE");
    assertThat(entry.getObjectAttribute("msExchMailboxGuid")).isNull();
    assertThat(entry.getStringAttribute("employeeID")).isEqualTo(hire.employeeId());
    assertThat(entry.getStringAttribute("givenName")).isEqualTo("José");
    assertThat(entry.getStringAttribute("sn")).isEqualTo("Müller" + run);
    assertThat(entry.getStringAttribute("department")).isEqualTo("Finance");
    assertThat(entry.getStringAttribute("title")).isEqualTo("Accountant");
    assertThat(entry.getStringAttribute("manager")).isEqualToIgnoringCase(MEGAN);
    assertThat(entry.getStringAttribute("userAccountControl")).isEqualTo("512");
    assertThat(entry.getStringAttribute("pwdLastSet")).isEqualTo("0");
    assertThat(entry.getStringAttribute("adminDescription")).isEqualTo("Created by Hybrid Onboarding onboarding-1");
    assertThat(entry.getObjectAttribute("unicodePwd")).isNull();
    byte[] guid = (byte[]) entry.getObjectAttribute("objectGUID");
    assertThat(account.immutableId()).isEqualTo(Base64.getEncoder().encodeToString(guid));
    assertThat(read(LICENSING_GROUP).getStringAttributes("member")).anySatisfy(m -> assertThat(m).isEqualToIgnoringCase(account.dn()));
  }

  @Test
  void aDepartmentHasItsOuAndGroups() {
    NewHire hire = new NewHire(employeeId(), "Sally", "Sales" + run, "sales", null, null, "US");

    AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(), "onboarding-d", false);

    assertThat(account.dn()).endsWithIgnoringCase(",OU=Sales,OU=Staff,DC=contoso,DC=com");
    assertThat(read("CN=Sales,OU=Groups,DC=contoso,DC=com").getStringAttributes("member"))
        .anySatisfy(m -> assertThat(m).isEqualToIgnoringCase(account.dn()));
  }

  @Test
  void aLeaverIsCutStampedRetiredAndReinstated() {
    NewHire hire = hire("Leo", "Leaver" + run);
    AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(LICENSING_GROUP),
        "onboarding-l", false);
    String staffOu = account.dn().substring(account.dn().indexOf(',') + 1);

    LeaverDirectory.Leaver cut = leavers.cutAccess(hire.employeeId());
    assertThat(cut.enabled()).isFalse();
    assertThat(read(account.dn()).getStringAttribute("userAccountControl")).isEqualTo("514");
    assertThat(cut.groups()).anySatisfy(g -> assertThat(g).isEqualToIgnoringCase(LICENSING_GROUP));
    leavers.stampMailboxType(hire.employeeId(), true);
    leavers.stampMailboxType(hire.employeeId(), true);
    assertThat(read(account.dn()).getStringAttribute("msExchRemoteRecipientType")).isEqualTo("97");
    assertThat(read(account.dn()).getStringAttribute("msExchRecipientTypeDetails")).isEqualTo("34359738368");

    String moved = leavers.retire(hire.employeeId(), cut.groups(), "Offboarded by test: resigned", properties.leaversOu());
    assertThat(leavers.retire(hire.employeeId(), cut.groups(), "Offboarded by test: resigned", properties.leaversOu()))
        .as("a second run changes nothing").isEqualToIgnoringCase(moved);
    assertThat(moved).startsWithIgnoringCase("CN=Leo Leaver" + run + ",OU=Quarantine,");
    assertThat(read(moved).getStringAttribute("description")).isEqualTo("Offboarded by test: resigned");
    String[] members = read(LICENSING_GROUP).getStringAttributes("member");
    assertThat(members == null ? new String[0] : members).noneSatisfy(m -> assertThat(m).isEqualToIgnoringCase(moved));

    LeaverDirectory.Leaver back = leavers.reinstate(hire.employeeId(), staffOu, cut.groups(), "Reinstated by test");
    leavers.stampMailboxType(hire.employeeId(), false);
    assertThat(back.dn()).isEqualToIgnoringCase(account.dn());
    assertThat(back.enabled()).isTrue();
    DirContextOperations entry = read(account.dn());
    assertThat(entry.getStringAttribute("pwdLastSet")).isEqualTo("0");
    assertThat(entry.getStringAttribute("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(entry.getStringAttribute("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(read(LICENSING_GROUP).getStringAttributes("member")).anySatisfy(m -> assertThat(m).isEqualToIgnoringCase(account.dn()));
    assertThat(LdapLeavers.remoteRecipientTypeFor(4, true)).as("a migrated mailbox").isEqualTo(100);
  }

  @Test
  void aRehireBringsTheOffboardedAccountBackUnderItsOwnNames() {
    NewHire hire = hire("Remy", "Rehire" + run);
    AdAccount first = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(LICENSING_GROUP),
        "onboarding-r1", false);
    LeaverDirectory.Leaver cut = leavers.cutAccess(hire.employeeId());
    leavers.stampMailboxType(hire.employeeId(), true);
    leavers.retire(hire.employeeId(), cut.groups(), "Offboarded by test", properties.leaversOu());

    IdentityPlan plan = directory.planIdentity(hire, Set.of());
    assertThat(plan.rehire()).isTrue();
    assertThat(plan.samAccountName()).isEqualTo(first.samAccountName());
    assertThat(plan.userPrincipalName()).isEqualTo(first.userPrincipalName());
    AdAccount back = directory.createAccount(hire, plan, List.of(LICENSING_GROUP), "onboarding-r2", false);
    AdAccount again = directory.createAccount(hire, plan, List.of(LICENSING_GROUP), "onboarding-r2", false);

    assertThat(back.immutableId()).isEqualTo(first.immutableId());
    assertThat(again.dn()).isEqualToIgnoringCase(back.dn());
    assertThat(back.dn()).isEqualToIgnoringCase(first.dn());
    DirContextOperations entry = read(back.dn());
    assertThat(entry.getStringAttribute("userAccountControl")).isEqualTo("512");
    assertThat(entry.getStringAttribute("pwdLastSet")).isEqualTo("0");
    // Shared until the licence is back: the onboarding's own step turns both sides.
    assertThat(entry.getStringAttribute("msExchRemoteRecipientType")).isEqualTo("97");
    assertThat(entry.getStringAttribute("description")).contains("Rehired by Hybrid Onboarding");
    assertThat(read(LICENSING_GROUP).getStringAttributes("member")).anySatisfy(m -> assertThat(m).isEqualToIgnoringCase(back.dn()));
    assertThat(ldap.search(org.springframework.ldap.query.LdapQueryBuilder.query().where("employeeID").is(hire.employeeId()),
        (Object o) -> o)).hasSize(1);
  }

  @Test
  void quarantineDisablesStripsGroupsRecordsWhyAndMoves() {
    NewHire hire = hire("Quinn", "Quarantine" + run);
    AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(LICENSING_GROUP), "onboarding-q", false);

    String moved = directory.quarantine(hire.employeeId(), "onboarding-q", "Onboarding cancelled by test").orElseThrow();

    assertThat(moved).isEqualToIgnoringCase("CN=Quinn Quarantine" + run + ",OU=Quarantine,DC=contoso,DC=com");
    DirContextOperations entry = read(moved);
    assertThat(entry.getStringAttribute("userAccountControl")).isEqualTo("514");
    assertThat(entry.getStringAttribute("description")).isEqualTo("Onboarding cancelled by test");
    String[] members = read(LICENSING_GROUP).getStringAttributes("member");
    assertThat(members == null ? new String[0] : members)
        .noneSatisfy(m -> assertThat(m).isEqualToIgnoringCase(account.dn()))
        .noneSatisfy(m -> assertThat(m).isEqualToIgnoringCase(moved));
    // Again: nothing more to do, and another onboarding's account is not touched.
    assertThat(directory.quarantine(hire.employeeId(), "onboarding-q", "again")).contains(moved);
    assertThat(directory.quarantine(hire.employeeId(), "onboarding-other", "not mine")).isEmpty();
    assertThat(read(moved).getStringAttribute("description")).isEqualTo("again");
  }

  @Test
  void plansTheNextFreeNamesAfterACollision() {
    NewHire first = hire("John", "Smith" + run);
    directory.createAccount(first, directory.planIdentity(first, Set.of()), List.of(), "onboarding-1", false);

    IdentityPlan second = directory.planIdentity(hire("John", "Smith" + run), Set.of());

    String alias = "john.smith" + run;
    assertThat(second.samAccountName()).isEqualTo(NamingRules.samAccountName(alias, 2));
    assertThat(second.userPrincipalName()).isEqualTo(alias + "2@contoso.com");
    assertThat(second.cn()).isEqualTo("John Smith" + run + " (2)");
    assertThat(second.managerDn()).isEqualToIgnoringCase(MEGAN);
  }

  @Test
  void aSamAccountNameTakenSincePlanningIsACollision() {
    NewHire hire = hire("Kim", "Race" + run);
    IdentityPlan plan = directory.planIdentity(hire, Set.of());
    createForeignAccount("Someone " + run, plan.samAccountName(), "someone" + run + "@contoso.com", null);

    assertThatThrownBy(() -> directory.createAccount(hire, plan, List.of(), "onboarding-1", false))
        .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.NAME_COLLISION));
  }

  @Test
  void aUpnTakenSincePlanningIsACollision() {
    NewHire hire = hire("Lou", "Race" + run);
    IdentityPlan plan = directory.planIdentity(hire, Set.of());
    createForeignAccount("Someone Else " + run, "se" + run, plan.userPrincipalName(), null);

    assertThatThrownBy(() -> directory.createAccount(hire, plan, List.of(), "onboarding-1", false))
        .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.NAME_COLLISION));
  }

  @Test
  void theDirectoryRefusesWeakPasswordsWith0000052D() {
    createForeignAccount("Weak " + run, "weak" + run, "weak" + run + "@contoso.com", null);

    assertThatThrownBy(() -> ldap.modifyAttributes(LdapNameBuilder.newInstance("OU=Staff").add("cn", "Weak " + run).build(),
        new ModificationItem[] {new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
            new BasicAttribute("unicodePwd", Passwords.unicodePwd("password".toCharArray())))}))
        .isInstanceOfSatisfying(NamingException.class, e -> {
          assertThat(e.getMessage()).contains("0000052D");
          assertThat(AdErrors.classify(e)).isEqualTo(AdErrors.Kind.WEAK_PASSWORD);
        });
  }

  @Test
  void aRefusedPasswordIsReplacedByAnother() {
    nextPasswords.push("password");
    NewHire hire = hire("Pia", "Policy" + run);

    AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(), "onboarding-1", false);

    assertThat(read(account.dn()).getStringAttribute("userAccountControl")).isEqualTo("512");
    assertThat(nextPasswords).isEmpty();
  }

  @Test
  void creatingTwiceLeavesOneAccount() {
    NewHire hire = hire("Maria", "Garcia" + run);
    IdentityPlan plan = directory.planIdentity(hire, Set.of());

    AdAccount first = directory.createAccount(hire, plan, List.of(LICENSING_GROUP), "onboarding-7", false);
    AdAccount again = directory.createAccount(hire, plan, List.of(LICENSING_GROUP), "onboarding-7", false);

    assertThat(again).isEqualTo(first);
    assertThat(ldap.search(query().where("employeeID").is(hire.employeeId()), (Object o) -> o)).hasSize(1);
    assertThat(read(LICENSING_GROUP).getStringAttributes("member")).filteredOn(m -> m.equalsIgnoreCase(first.dn())).hasSize(1);
  }

  @Test
  void aHalfCreatedAccountIsCompleted() {
    NewHire hire = hire("Hal", "Crash" + run);
    IdentityPlan plan = directory.planIdentity(hire, Set.of());
    AdAccount account = directory.createAccount(hire, plan, List.of(), "onboarding-8", false);
    // As if the process crashed after the add and before password and enabling.
    ldap.modifyAttributes(relative(account.dn()), new ModificationItem[] {new ModificationItem(
        DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("userAccountControl", "514"))});

    directory.createAccount(hire, plan, List.of(), "onboarding-8", false);

    assertThat(read(account.dn()).getStringAttribute("userAccountControl")).isEqualTo("512");
  }

  @Test
  void anAccountThisOnboardingDidNotCreateIsNotTakenOver() {
    NewHire hire = hire("Ken", "Adams" + run);
    directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(), "onboarding-1", false);
    String foreignId = employeeId();
    createForeignAccount("Rehire " + run, "rehire" + run, "rehire" + run + "@contoso.com", foreignId);

    assertThatThrownBy(() -> directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(), "onboarding-2", false))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.code()).isEqualTo(DirectoryException.Code.ACCOUNT_EXISTS);
          assertThat(e.getMessage()).contains("Another onboarding created it (onboarding-1)");
        });
    NewHire rehire = new NewHire(foreignId, "Re", "Hire" + run, "IT", null, null, "US");
    assertThatThrownBy(() -> directory.createAccount(rehire, directory.planIdentity(rehire, Set.of()), List.of(), "onboarding-3", false))
        .isInstanceOfSatisfying(DirectoryException.class, e -> {
          assertThat(e.code()).isEqualTo(DirectoryException.Code.ACCOUNT_EXISTS);
          assertThat(e.getMessage()).contains("Hybrid Onboarding did not create it");
        });
  }

  @Test
  void aPersonMayAdoptAnExistingAccount() {
    String rehireId = employeeId();
    createForeignAccount("Old Timer " + run, "oldtimer" + run, "oldtimer" + run + "@contoso.com", rehireId);
    NewHire rehire = new NewHire(rehireId, "Old", "Timer" + run, "IT", null, null, "US");
    IdentityPlan plan = directory.planIdentity(rehire, Set.of());

    AdAccount adopted = directory.createAccount(rehire, plan, List.of(), "onboarding-adopt", true);

    assertThat(adopted.samAccountName()).isEqualTo("oldtimer" + run);
    assertThat(adopted.userPrincipalName()).isEqualTo("oldtimer" + run + "@contoso.com");
    DirContextOperations entry = read(adopted.dn());
    assertThat(entry.getStringAttribute("adminDescription")).isEqualTo("Created by Hybrid Onboarding onboarding-adopt");
    assertThat(entry.getStringAttribute("userAccountControl")).isEqualTo("512");
    // From now on it is that onboarding's account, and only that one's.
    assertThat(directory.createAccount(rehire, plan, List.of(), "onboarding-adopt", false)).isEqualTo(adopted);
  }

  @Test
  void anUnknownManagerIsABusinessErrorAndAWildcardFindsNobody() {
    for (String manager : List.of("E99999", "*", "E0000*")) {
      NewHire hire = new NewHire(employeeId(), "Ann", "Lee" + run, "IT", null, manager, "US");
      assertThatThrownBy(() -> directory.planIdentity(hire, Set.of()))
          .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.code()).isEqualTo(DirectoryException.Code.MANAGER_NOT_FOUND));
    }
  }

  @Test
  void namesInCyrillicAndHanAreStoredAsWrittenWithAsciiAccountNames() {
    NewHire russian = new NewHire(employeeId(), "Дмитрий", "Иванов" + run, "Finance", "Бухгалтер", null, "RU");
    AdAccount dmitriy = directory.createAccount(russian, directory.planIdentity(russian, Set.of()), List.of(), "onboarding-r", false);
    DirContextOperations entry = read(dmitriy.dn());
    assertThat(entry.getStringAttribute("givenName")).isEqualTo("Дмитрий");
    assertThat(entry.getStringAttribute("sn")).isEqualTo("Иванов" + run);
    assertThat(entry.getStringAttribute("displayName")).isEqualTo("Дмитрий Иванов" + run);
    assertThat(entry.getStringAttribute("cn")).isEqualTo("Дмитрий Иванов" + run);
    assertThat(entry.getStringAttribute("title")).isEqualTo("Бухгалтер");
    assertThat(entry.getStringAttribute("sAMAccountName")).isEqualTo(NamingRules.samAccountName("dmitriy.ivanov" + run, 1));
    assertThat(entry.getStringAttribute("mail")).isEqualTo("dmitriy.ivanov" + run + "@contoso.com");

    // The run's letters go into the given name in Han too, so the name stays all Han: surname first.
    String given = "伟" + hanLetters(run);
    NewHire chinese = new NewHire(employeeId(), given, "张", "Finance", null, null, "CN");
    IdentityPlan plan = directory.planIdentity(chinese, Set.of());
    AdAccount wei = directory.createAccount(chinese, plan, List.of(), "onboarding-c", false);
    entry = read(wei.dn());
    assertThat(entry.getStringAttribute("displayName")).isEqualTo("张" + given);
    assertThat(entry.getStringAttribute("cn")).isEqualTo("张" + given);
    assertThat(entry.getStringAttribute("givenName")).isEqualTo(given);
    assertThat(entry.getStringAttribute("sAMAccountName")).startsWith("wei").matches("[a-z0-9.-]{4,20}");
    assertThat(entry.getStringAttribute("userPrincipalName")).isEqualTo(plan.userPrincipalName()).matches("[a-z0-9.-]+@contoso\\.com");
  }

  /** Each Latin letter of the run as a Han character, so the name has no Latin in it. */
  private static String hanLetters(String letters) {
    return letters.chars().mapToObj(c -> String.valueOf((char) ('一' + (c - 'a')))).collect(java.util.stream.Collectors.joining());
  }

  @Test
  void hostileValuesAreStoredLiterally() {
    String longName = ("Abcdefghij" + run).repeat(5).substring(0, 64);
    List<String[]> names = List.of(
        new String[] {"Seán", "O'Brien, Jr." + run},
        new String[] {"Max", "Müller+Co" + run},
        new String[] {"*)(objectClass=*", "Star" + run},
        new String[] {"Back\\\\slash", "Test" + run},
        new String[] {"#Hash", "Lead" + run},
        new String[] {longName, longName});
    for (String[] name : names) {
      NewHire hire = new NewHire(employeeId(), name[0], name[1], "*)(objectClass=*", "#1 \\\\ \"quoted\" <b>", null, "IE");
      AdAccount account = directory.createAccount(hire, directory.planIdentity(hire, Set.of()), List.of(), "onboarding-h", false);
      DirContextOperations entry = read(account.dn());
      assertThat(entry.getStringAttribute("givenName")).isEqualTo(name[0]);
      assertThat(entry.getStringAttribute("sn")).isEqualTo(name[1]);
      assertThat(entry.getStringAttribute("department")).isEqualTo("*)(objectClass=*");
      assertThat(entry.getStringAttribute("title")).isEqualTo("#1 \\\\ \"quoted\" <b>");
      assertThat(entry.getStringAttribute("cn").length()).isLessThanOrEqualTo(64);
      assertThat(entry.getStringAttribute("sAMAccountName").length()).isLessThanOrEqualTo(20);
      assertThat(entry.getStringAttribute("sAMAccountName").chars()).noneMatch(c -> "\"/\\[]:;|=,+*?<>".indexOf(c) >= 0);
    }
  }

  private static String randomLetters(int n) {
    Random random = new Random();
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < n; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    return letters.toString();
  }
}

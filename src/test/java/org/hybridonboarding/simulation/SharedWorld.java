package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The directory and the tenant outside the application's JVM, so that they outlive a killed node
 * and are shared by several nodes: the embedded directory (plain LDAP for the test itself, LDAPS
 * with a throwaway certificate for the nodes), the simulated tenant over HTTP and its Connect Sync.
 */
public final class SharedWorld implements AutoCloseable {

  /**
   * Exchange Online's sending limits, the per-minute one scaled by four (120 messages a minute per
   * sender) so that the cluster's 140 welcome mails take a minute; the nodes book under it
   * (NodeFixtures), and a sender over it is answered 429 as Exchange Online answers.
   */
  public static final SimulatorProperties.MailLimits MAIL_LIMITS =
      new SimulatorProperties.MailLimits(true, 120, 10_000, 4, 10_000, Duration.ofMinutes(10));


  public static final String BASE = "DC=contoso,DC=com";
  public static final String ADMIN = "CN=admin,DC=contoso,DC=com";
  /** The application binds as its own service account, so its LDAP operations can be counted apart. */
  public static final String SERVICE_ACCOUNT = "CN=svc-onboarding,DC=contoso,DC=com";
  /** Distinct per run, so a scan can look for it in logs and tables. */
  public static final String PASSWORD = "Bind-" + java.util.UUID.randomUUID();
  public static final String GRAPH_TOKEN = "Token-" + java.util.UUID.randomUUID();
  private static final String STORE_PASSWORD = "test-only";

  private final Path trustStore;
  private final EmbeddedDirectory directory;
  private final SimulatedTenant tenant;
  private final GraphSimulator graph;
  private final ConnectSync sync;
  private final int ldapsPort;
  private final LdapOperationCounter ldapOperations = new LdapOperationCounter(SERVICE_ACCOUNT);

  public SharedWorld(Path workDir) throws Exception {
    this(workDir, Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /** With Connect Sync's cycle and Exchange Online's mailbox delay as given. */
  public SharedWorld(Path workDir, Duration syncInterval, Duration mailboxDelay) throws Exception {
    Files.createDirectories(workDir);
    trustStore = workDir.resolve("ldaps.p12");
    Files.deleteIfExists(trustStore);
    keytool("-genkeypair", "-alias", "ldap", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    SSLUtil ssl = new SSLUtil(new KeyStoreKeyManager(trustStore.toFile(), STORE_PASSWORD.toCharArray(), "PKCS12", "ldap"),
        new TrustAllTrustManager());
    LdapProperties ldap = new LdapProperties();
    ldap.setUrls(new String[] {"ldap://localhost:0"});
    ldap.setBase(BASE);
    ldap.setUsername(ADMIN);
    ldap.setPassword(PASSWORD);
    InMemoryListenerConfig ldaps = InMemoryListenerConfig.createLDAPSConfig("ldaps",
        InetAddress.getLoopbackAddress(), 0, ssl.createSSLServerSocketFactory(), null);
    directory = new EmbeddedDirectory(ldap, Clock.systemUTC(), config -> {
      List<InMemoryListenerConfig> listeners = new java.util.ArrayList<>(config.getListenerConfigs());
      listeners.add(ldaps);
      try {
        config.setListenerConfigs(listeners);
        config.addAdditionalBindCredentials(SERVICE_ACCOUNT, PASSWORD);
      } catch (com.unboundid.ldap.sdk.LDAPException e) {
        throw new IllegalStateException(e);
      }
      config.addInMemoryOperationInterceptor(ldapOperations);
    });
    ldapsPort = directory.port("ldaps");

    SimulatorProperties properties = new SimulatorProperties(0, syncInterval, mailboxDelay,
        List.of("OU=Staff,DC=contoso,DC=com", "OU=Groups,DC=contoso,DC=com"), "contoso.onmicrosoft.com",
        List.of("contoso.com"), Duration.ZERO, true, Map.of("Licensing-SPE_E3", "SPE_E3"),
        new SimulatorProperties.Throttling(3500, Duration.ofSeconds(10), 3000, Duration.ofSeconds(150)),
        MAIL_LIMITS, SimulatorProperties.Faults.NONE);
    tenant = new SimulatedTenant(Clock.systemUTC(), properties);
    graph = new GraphSimulator(tenant, new ObjectMapper(), Clock.systemUTC(), properties);
    LdapContextSource source = new LdapContextSource();
    source.setUrl("ldap://localhost:" + directory.port());
    source.setBase(BASE);
    source.setUserDn(ADMIN);
    source.setPassword(PASSWORD);
    source.setBaseEnvironmentProperties(Map.of("java.naming.ldap.attributes.binary", "objectGUID msExchMailboxGuid"));
    source.afterPropertiesSet();
    sync = new ConnectSync(new LdapTemplate(source), source.getBaseLdapName(), tenant, properties);
    sync.runCycle();
    for (String mailbox : SimulationConfiguration.SEEDED_MAILBOXES) {
      tenant.seedLicensed(mailbox, "SPE_E3");
    }
    sync.start(properties.syncInterval());
  }

  /** Settings that point an application node at this world (demo profile, its own simulator off). */
  public List<String> nodeArguments() {
    return List.of(
        "--onboarding.simulator.enabled=false",
        "--onboarding.directory.embedded=false",
        "--spring.ldap.urls=ldaps://localhost:" + ldapsPort,
        "--onboarding.graph.base-url=http://localhost:" + graph.port() + "/v1.0");
  }

  /** The secrets a node gets from its environment, as in production. */
  public Map<String, String> nodeEnvironment() {
    return Map.of("SPRING_LDAP_USERNAME", SERVICE_ACCOUNT, "SPRING_LDAP_PASSWORD", PASSWORD,
        "ONBOARDING_GRAPH_STATICTOKEN", GRAPH_TOKEN);
  }

  /** Every Temporary Access Pass the managers were mailed, as they read it. */
  public List<String> mailedPasses() {
    java.util.regex.Pattern pass = java.util.regex.Pattern.compile("Temporary Access Pass</td><td><b[^>]*>([^<]+)</b>");
    return SimulationConfiguration.SEEDED_MAILBOXES.stream()
        .flatMap(mailbox -> tenant.messages(mailbox).stream())
        .map(message -> pass.matcher(message.content()))
        .filter(java.util.regex.Matcher::find)
        .map(matcher -> org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(1)))
        .toList();
  }

  /** JVM options for a node: trust this world's LDAPS certificate. */
  public List<String> nodeJvmOptions() {
    return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD,
        "-Djavax.net.ssl.trustStoreType=PKCS12");
  }

  /** AD accounts carrying this employeeID. */
  public int adAccounts(String employeeId) throws Exception {
    try (LDAPConnection connection = new LDAPConnection("localhost", directory.port(), ADMIN, PASSWORD)) {
      return connection.search(BASE, SearchScope.SUB, "(employeeID=" + employeeId + ")").getEntryCount();
    }
  }

  /** Accounts under OU=Staff whose employeeID starts with the prefix. */
  public int adAccountsWithPrefix(String prefix) throws Exception {
    try (LDAPConnection connection = new LDAPConnection("localhost", directory.port(), ADMIN, PASSWORD)) {
      return connection.search(BASE, SearchScope.SUB, "(employeeID=" + prefix + "*)").getEntryCount();
    }
  }

  /** The sAMAccountName, userPrincipalName and mail of each account whose employeeID starts with the prefix. */
  public List<List<String>> accountNamesWithPrefix(String prefix) throws Exception {
    try (LDAPConnection connection = new LDAPConnection("localhost", directory.port(), ADMIN, PASSWORD)) {
      return connection.search(BASE, SearchScope.SUB, "(employeeID=" + prefix + "*)",
              "sAMAccountName", "userPrincipalName", "mail").getSearchEntries().stream()
          .map(entry -> List.of(entry.getAttributeValue("sAMAccountName"), entry.getAttributeValue("userPrincipalName"),
              entry.getAttributeValue("mail")))
          .toList();
    }
  }

  /** Cloud users with this employeeId, and the licences each holds. */
  public List<Integer> cloudLicences(String employeeId) {
    return tenant.users().stream()
        .filter(user -> employeeId.equals(user.source.employeeId()))
        .map(user -> user.assignedSkus().size())
        .toList();
  }

  public Map<String, Long> graphRequests() {
    return graph.requestCounts();
  }

  /** The application's LDAP operations (its service account's connections), by kind. */
  public Map<String, Long> ldapOperations() {
    return ldapOperations.counts();
  }

  /** The searches among them, by filter shape and scope. */
  public Map<String, Long> ldapSearches() {
    return ldapOperations.searches();
  }

  public void resetCounters() {
    graph.resetRequestCounts();
    ldapOperations.reset();
  }

  /** Graph's limits as high as they go: for measuring the product, not the tenant. */
  public void unthrottled() {
    graph.setThrottling(new SimulatorProperties.Throttling(Integer.MAX_VALUE, Duration.ofSeconds(10),
        Integer.MAX_VALUE, Duration.ofSeconds(150)));
  }

  /** No sending limits either: the benchmark's nodes send their mail unpaced (NodeFixtures.UNPACED_MAIL). */
  public void withoutMailLimits() {
    graph.setMailLimits(SimulatorProperties.MailLimits.OFF);
  }

  /** Exchange Online's sending limits as documented (DOMAIN.md): 30 messages a minute, 10,000 recipients a day per sender. */
  public void exchangeLimits() {
    graph.setMailLimits(new SimulatorProperties.MailLimits(true, 30, 10_000, 4, 10_000, Duration.ofMinutes(10)));
  }

  /** Graph's documented identity limits (DOMAIN.md): 3,500 units per 10 s, 3,000 writes per 150 s. */
  public void graphLimits() {
    graph.setThrottling(new SimulatorProperties.Throttling(3500, Duration.ofSeconds(10), 3000, Duration.ofSeconds(150)));
  }

  /** Buys seats (the demo tenant has 500 of SPE_E3). */
  public void addSeats(String skuPartNumber, int seats) {
    tenant.addSeats(skuPartNumber, seats);
  }

  public void pauseSync() {
    sync.pause();
  }

  public void resumeSync() {
    sync.resume();
  }

  /** A user as Connect Sync would export it, without an AD account behind it (for the watch's scaling runs). */
  public void syncCloudOnly(String employeeId, String immutableId) {
    tenant.sync(new SyncedAccount(null, immutableId, employeeId.toLowerCase(java.util.Locale.ROOT),
        employeeId.toLowerCase(java.util.Locale.ROOT) + "@contoso.com", null, employeeId.toLowerCase(java.util.Locale.ROOT),
        List.of(), employeeId, employeeId, "Wait", "Ing", "Finance", null, "DE", true, true, false, false));
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  @Override
  public void close() {
    sync.close();
    graph.close();
    directory.close();
  }
}

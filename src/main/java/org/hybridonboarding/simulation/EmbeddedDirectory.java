package org.hybridonboarding.simulation;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldap.sdk.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.Consumer;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.core.io.ClassPathResource;

/**
 * The demo's Active Directory: an UnboundID in-memory server with AD's schema and behaviour,
 * listening where spring.ldap.urls points, seeded with OUs, groups and two managers.
 */
class EmbeddedDirectory implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectory.class);

  private final InMemoryDirectoryServer server;

  EmbeddedDirectory(LdapProperties ldap, Clock clock) throws LDAPException, IOException, com.unboundid.ldif.LDIFException {
    this(ldap, clock, config -> { });
  }

  /** Tests may add to the configuration: an LDAPS listener, another bind DN, an interceptor that counts. */
  EmbeddedDirectory(LdapProperties ldap, Clock clock, Consumer<InMemoryDirectoryServerConfig> customise)
      throws LDAPException, IOException, com.unboundid.ldif.LDIFException {
    URI url = URI.create(ldap.getUrls()[0]);
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(ldap.getBase());
    config.addAdditionalBindCredentials(ldap.getUsername(), ldap.getPassword());
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
        InetAddress.getLoopbackAddress(), url.getPort(), null));
    config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), read("simulation/ad-schema.ldif")));
    // AD answers nothing to anonymous clients.
    config.setAuthenticationRequiredOperationTypes(EnumSet.complementOf(EnumSet.of(OperationType.BIND)));
    // AD indexes these; without an index every lookup by them reads every entry.
    config.setEqualityIndexAttributes("employeeID", "sAMAccountName", "userPrincipalName", "member");
    // AD's linked attributes: a group's member and a report's manager follow the entry when it is moved or renamed.
    config.setReferentialIntegrityAttributes("member", "manager");
    ActiveDirectoryBehaviour behaviour = new ActiveDirectoryBehaviour(clock);
    config.addInMemoryOperationInterceptor(behaviour);
    customise.accept(config);
    server = new InMemoryDirectoryServer(config);
    behaviour.attachTo(server);
    server.startListening();
    seed(ldap);
    log.info("Embedded directory {} listening on {} ({} entries)", ldap.getBase(), url, server.countEntries());
  }

  /** Seeds through a real LDAP connection, so the seed gets objectGUIDs like everything else. */
  private void seed(LdapProperties ldap) throws LDAPException, IOException, com.unboundid.ldif.LDIFException {
    try (LDAPConnection connection = server.getConnection();
        InputStream in = new ClassPathResource("simulation/demo-directory.ldif").getInputStream();
        LDIFReader reader = new LDIFReader(in)) {
      connection.bind(ldap.getUsername(), ldap.getPassword());
      Entry entry;
      while ((entry = reader.readEntry()) != null) {
        connection.add(entry);
      }
    }
  }

  private static Schema read(String resource) throws IOException, com.unboundid.ldif.LDIFException {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return Schema.getSchema(in);
    }
  }

  int port() {
    return server.getListenPort();
  }

  int port(String listener) {
    return server.getListenPort(listener);
  }

  /** What a domain controller's restart does to its clients: every open connection is dropped. */
  void restart() throws LDAPException {
    server.shutDown(true);
    server.startListening();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }
}

package org.hybridonboarding.simulation;

import java.time.Clock;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;

/** The demo's embedded directory on a free port, for tests outside this package. */
public final class EmbeddedDirectoryFixture implements AutoCloseable {

  public static final String BASE = "DC=contoso,DC=com";
  public static final String ADMIN = "CN=admin,DC=contoso,DC=com";
  public static final String PASSWORD = "admin";

  private final EmbeddedDirectory directory;
  private final LdapOperationCounter operations = new LdapOperationCounter(ADMIN);

  public EmbeddedDirectoryFixture() throws Exception {
    LdapProperties properties = new LdapProperties();
    properties.setUrls(new String[] {"ldap://localhost:0"});
    properties.setBase(BASE);
    properties.setUsername(ADMIN);
    properties.setPassword(PASSWORD);
    directory = new EmbeddedDirectory(properties, Clock.systemUTC(), config -> config.addInMemoryOperationInterceptor(operations));
  }

  /** The LDAP operations of connections bound as ADMIN since the last reset, by kind (bind, search, modify…). */
  public java.util.Map<String, Long> operations() {
    return operations.counts();
  }

  public void resetOperations() {
    operations.reset();
  }

  public String url() {
    return "ldap://localhost:" + directory.port();
  }

  @Override
  public void close() {
    directory.close();
  }
}

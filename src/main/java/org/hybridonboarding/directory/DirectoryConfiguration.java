package org.hybridonboarding.directory;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.DirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;
import org.springframework.ldap.pool2.factory.PoolConfig;
import org.springframework.ldap.pool2.factory.PooledContextSource;
import org.springframework.ldap.pool2.validation.DefaultDirContextValidator;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

  /** Spring Boot's LdapContextSource uses this strategy when it exists. */
  @Bean
  @ConditionalOnProperty(name = "onboarding.directory.start-tls", havingValue = "true")
  DirContextAuthenticationStrategy startTls() {
    return new DefaultTlsDirContextAuthenticationStrategy();
  }

  /**
   * Connections kept open over Spring Boot's LdapContextSource. Without them every LDAP operation
   * opens a connection, shakes hands for TLS and binds as the service account: eight times per
   * onboarding, most of the directory's work in a bulk. AD drops connections idle for
   * MaxConnIdleTime (15 minutes), firewalls sooner, and a domain controller may restart: idle
   * connections are checked every minute and closed after five, and an operation that fails on a
   * dead one is run once more on a new connection ({@link RetryingLdapTemplate}) — instead of a
   * read before every use, which cost half the directory's operations. A connection that failed
   * with a communication error is thrown away.
   */
  @Bean
  @Primary
  DirectoryConnections pooledContextSource(LdapContextSource directory, DirectoryProperties properties) {
    PoolConfig pool = new PoolConfig();
    pool.setMaxTotalPerKey(properties.connections());
    pool.setMaxIdlePerKey(properties.connections());
    pool.setMaxTotal(2 * properties.connections());
    pool.setBlockWhenExhausted(true);
    pool.setMaxWaitMillis(Duration.ofSeconds(30).toMillis());
    pool.setTestOnBorrow(false);
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRunsMillis(Duration.ofMinutes(1).toMillis());
    pool.setMinEvictableIdleTimeMillis(Duration.ofMinutes(5).toMillis());
    DirectoryConnections pooled = new DirectoryConnections(pool);
    pooled.setContextSource(directory);
    pooled.setDirContextValidator(new DefaultDirContextValidator());
    return pooled;
  }

  /** Subtree searches from the domain root return referrals in AD; they are not errors. */
  @Bean
  LdapTemplate ldapTemplate(DirectoryConnections connections) {
    LdapTemplate template = new RetryingLdapTemplate(connections);
    template.setIgnorePartialResultException(true);
    return template;
  }
}

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
   * onboarding, most of the directory's work in a bulk. A connection is checked before each use
   * (one base-object read): AD drops connections idle for MaxConnIdleTime (15 minutes), firewalls
   * sooner, and a domain controller may have restarted; idle ones are checked and closed after
   * five minutes. A connection that fails with a communication error is thrown away.
   */
  @Bean
  @Primary
  PooledContextSource pooledContextSource(LdapContextSource directory, DirectoryProperties properties) {
    PoolConfig pool = new PoolConfig();
    pool.setMaxTotalPerKey(properties.connections());
    pool.setMaxIdlePerKey(properties.connections());
    pool.setMaxTotal(2 * properties.connections());
    pool.setBlockWhenExhausted(true);
    pool.setMaxWaitMillis(Duration.ofSeconds(30).toMillis());
    pool.setTestOnBorrow(true);
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRunsMillis(Duration.ofMinutes(1).toMillis());
    pool.setMinEvictableIdleTimeMillis(Duration.ofMinutes(5).toMillis());
    PooledContextSource pooled = new PooledContextSource(pool);
    pooled.setContextSource(directory);
    pooled.setDirContextValidator(new DefaultDirContextValidator());
    return pooled;
  }

  /** Subtree searches from the domain root return referrals in AD; they are not errors. */
  @Bean
  LdapTemplate ldapTemplate(ContextSource contextSource) {
    LdapTemplate template = new LdapTemplate(contextSource);
    template.setIgnorePartialResultException(true);
    return template;
  }
}

package org.hybridonboarding.directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.DirContextAuthenticationStrategy;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

  /** Spring Boot's LdapContextSource uses this strategy when it exists. */
  @Bean
  @ConditionalOnProperty(name = "onboarding.directory.start-tls", havingValue = "true")
  DirContextAuthenticationStrategy startTls() {
    return new DefaultTlsDirContextAuthenticationStrategy();
  }


  /** Subtree searches from the domain root return referrals in AD; they are not errors. */
  @Bean
  LdapTemplate ldapTemplate(ContextSource contextSource) {
    LdapTemplate template = new LdapTemplate(contextSource);
    template.setIgnorePartialResultException(true);
    return template;
  }
}

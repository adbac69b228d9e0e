package org.hybridonboarding.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.ldap.core.ContextSource;
import org.springframework.ldap.core.LdapTemplate;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

  /** Subtree searches from the domain root return referrals in AD; they are not errors. */
  @Bean
  LdapTemplate ldapTemplate(ContextSource contextSource) {
    LdapTemplate template = new LdapTemplate(contextSource);
    template.setIgnorePartialResultException(true);
    return template;
  }
}

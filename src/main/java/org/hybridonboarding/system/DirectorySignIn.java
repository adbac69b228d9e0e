package org.hybridonboarding.system;

import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.hybridonboarding.directory.DirectoryProperties;
import org.hybridonboarding.system.IdentityProperties.GroupMapping;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * People sign in to Tasklist, Cockpit, Admin, /api and /engine-rest with their AD accounts:
 * Camunda's LDAP identity provider plug-in over the same connection settings (spring.ldap.*,
 * the service account, the JVM trust store) as the directory gateway. The password is checked
 * by one LDAP bind as that account, so AD's own lockout policy counts every failed attempt.
 */
@Configuration(proxyBeanMethods = false)
class DirectorySignIn {

  static final String ADMIN_GROUP = "camunda-admin";

  /** Members of camunda-admin may do everything, wherever users and groups live. */
  @Bean
  ProcessEnginePlugin administratorGroup() {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(ADMIN_GROUP);
    return plugin;
  }

  @Bean
  @ConditionalOnProperty(name = "onboarding.identity.source", havingValue = "directory", matchIfMissing = true)
  ProcessEnginePlugin directoryIdentityProvider(LdapProperties ldap, IdentityProperties identity,
      DirectoryProperties directory) {
    return plugin(ldap, identity, directory.embedded());
  }

  static LdapIdentityProviderPlugin plugin(LdapProperties ldap, IdentityProperties identity, boolean embedded) {
    if (!embedded) {
      for (String url : ldap.getUrls()) {
        if (url.toLowerCase(Locale.ROOT).startsWith("ldap://")) {
          // StartTLS protects the gateway's connections, but the plug-in's binds carry people's passwords and it has no StartTLS.
          throw new IllegalStateException("spring.ldap.urls=" + url + ": directory sign-in binds with people's passwords "
              + "and Camunda's LDAP plug-in speaks no StartTLS: use ldaps:// (port 636), or onboarding.identity.source=database");
        }
      }
    }
    GroupMapping groups = identity.mapping();
    LdapIdentityProviderPlugin plugin = new LdapIdentityProviderPlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
          @Override
          public Session openSession() {
            return new DirectoryIdentityProvider(getLdapConfiguration(), groups);
          }
        };
        factory.setLdapConfiguration(this);
        configuration.setIdentityProviderSessionFactory(factory);
        LoggerFactory.getLogger(DirectorySignIn.class).info("Sign-in with directory accounts ({}), groups {}",
            getServerUrl(), identity.groups().keySet());
      }
    };
    plugin.setServerUrl(String.join(" ", ldap.getUrls()));
    plugin.setManagerDn(ldap.getUsername());
    plugin.setManagerPassword(ldap.getPassword());
    plugin.setBaseDn(ldap.getBase());
    plugin.setUserSearchBase(identity.userSearchBase());
    plugin.setUserSearchFilter(identity.userFilter());
    plugin.setUserIdAttribute("sAMAccountName");
    plugin.setUserFirstnameAttribute("givenName");
    plugin.setUserLastnameAttribute("sn");
    plugin.setUserEmailAttribute("mail");
    plugin.setGroupSearchBase("");
    plugin.setGroupSearchFilter("(objectClass=group)");
    plugin.setGroupIdAttribute("cn");
    plugin.setGroupNameAttribute("cn");
    plugin.setGroupMemberAttribute("member");
    plugin.setPageSize(identity.pageSize());
    // A subtree search from the domain root meets referrals to the other naming contexts.
    plugin.setContextProperties(Map.of(
        "java.naming.referral", "ignore",
        "com.sun.jndi.ldap.connect.timeout", "5000",
        "com.sun.jndi.ldap.read.timeout", "30000"));
    // A wrong password is a failed sign-in, not an error (and is never retried).
    plugin.setPasswordCheckCatchAuthenticationException(true);
    return plugin;
  }
}

package org.hybridonboarding.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The prod profile refuses to start with a setting missing, and says which ones and under which
 * environment variable, all at once: a half-configured onboarding service is worse than none.
 * It runs before the application context, so no data source or engine fails first with a
 * vaguer message. Registered in META-INF/spring.factories.
 */
public class ProductionSettings implements EnvironmentPostProcessor {

  /** Setting → the environment variable that sets it in production. */
  static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("spring.datasource.url", "ONBOARDING_DB_URL");
    REQUIRED.put("spring.datasource.username", "ONBOARDING_DB_USER");
    REQUIRED.put("spring.datasource.password", "ONBOARDING_DB_PASSWORD");
    REQUIRED.put("spring.ldap.urls", "ONBOARDING_LDAP_URL");
    REQUIRED.put("spring.ldap.base", "ONBOARDING_LDAP_BASE");
    REQUIRED.put("spring.ldap.username", "ONBOARDING_LDAP_USER");
    REQUIRED.put("spring.ldap.password", "ONBOARDING_LDAP_PASSWORD");
    REQUIRED.put("onboarding.directory.users-ou", "ONBOARDING_DIRECTORY_USERS_OU");
    REQUIRED.put("onboarding.directory.quarantine-ou", "ONBOARDING_DIRECTORY_QUARANTINE_OU");
    REQUIRED.put("onboarding.directory.leavers-ou", "ONBOARDING_DIRECTORY_LEAVERS_OU");
    REQUIRED.put("onboarding.directory.removed-ou", "ONBOARDING_DIRECTORY_REMOVED_OU");
    REQUIRED.put("onboarding.exchange.base-url", "ONBOARDING_EXCHANGE_BASE_URL");
    REQUIRED.put("onboarding.exchange.token-audience", "ONBOARDING_EXCHANGE_TOKEN_AUDIENCE");
    REQUIRED.put("onboarding.directory.upn-suffix", "ONBOARDING_DIRECTORY_UPN_SUFFIX");
    REQUIRED.put("onboarding.directory.mail-domain", "ONBOARDING_DIRECTORY_MAIL_DOMAIN");
    REQUIRED.put("onboarding.directory.routing-domain", "ONBOARDING_DIRECTORY_ROUTING_DOMAIN");
    REQUIRED.put("onboarding.graph.tenant-id", "ONBOARDING_GRAPH_TENANT_ID");
    REQUIRED.put("onboarding.graph.client-id", "ONBOARDING_GRAPH_CLIENT_ID");
    REQUIRED.put("onboarding.credentials.sender", "ONBOARDING_CREDENTIALS_SENDER");
  }

  /** With directory sign-in: the AD group of each Camunda group → its environment variable. */
  static final Map<String, String> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("camunda-admin", "ONBOARDING_GROUP_ADMINS");
    GROUPS.put("onboarding-requesters", "ONBOARDING_GROUP_REQUESTERS");
    GROUPS.put("onboarding-approvers", "ONBOARDING_GROUP_APPROVERS");
    GROUPS.put("onboarding-operators", "ONBOARDING_GROUP_OPERATORS");
    GROUPS.put("onboarding-escalation", "ONBOARDING_GROUP_ESCALATION");
    GROUPS.put("onboarding-helpdesk", "ONBOARDING_GROUP_HELPDESK");
  }

  static final String BEHIND_TLS_PROXY = "onboarding.http.behind-tls-proxy";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.acceptsProfiles(Profiles.of("prod"))) {
      check(environment);
      environment.getPropertySources().addLast(new MapPropertySource("hybrid-onboarding-tls", tlsDefaults(environment)));
    }
  }

  /**
   * Behind a TLS-terminating proxy the node sees plain HTTP: it must believe the proxy's
   * X-Forwarded-Proto (so Spring Security's HSTS header and redirects say https) and mark the
   * session cookie Secure. With its own key store Tomcat does both by itself. Defaults only: an
   * explicit setting wins.
   */
  static Map<String, Object> tlsDefaults(Environment environment) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    if ("true".equalsIgnoreCase(environment.getProperty(BEHIND_TLS_PROXY))) {
      defaults.put("server.forward-headers-strategy", "native");
      defaults.put("server.servlet.session.cookie.secure", "true");
    } else {
      defaults.put("server.ssl.key-store-type", "PKCS12");
    }
    return defaults;
  }

  static void check(Environment environment) {
    List<String> missing = new ArrayList<>();
    REQUIRED.forEach((property, variable) -> {
      if (blank(environment.getProperty(property))) {
        missing.add(property + " (" + variable + ")");
      }
    });
    if ("database".equalsIgnoreCase(environment.getProperty("onboarding.identity.source", "directory"))) {
      // Camunda's own users: the first admin, or anyone who opens Admin first creates one.
      if (blank(environment.getProperty("camunda.bpm.admin-user.id")) || blank(environment.getProperty("camunda.bpm.admin-user.password"))) {
        missing.add("camunda.bpm.admin-user.id and camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMINUSER_ID, "
            + "CAMUNDA_BPM_ADMINUSER_PASSWORD) with onboarding.identity.source=database");
      }
    } else {
      GROUPS.forEach((group, variable) -> {
        if (blank(environment.getProperty("onboarding.identity.groups[" + group + "]"))) {
          missing.add("onboarding.identity.groups." + group + " (" + variable + "): the DN of the AD group whose members are " + group);
        }
      });
    }
    if (blank(environment.getProperty("onboarding.graph.client-secret"))
        && blank(environment.getProperty("onboarding.graph.client-certificate-path"))) {
      missing.add("onboarding.graph.client-secret (ONBOARDING_GRAPH_CLIENT_SECRET) or "
          + "onboarding.graph.client-certificate-path (ONBOARDING_GRAPH_CLIENT_CERTIFICATE_PATH)");
    }
    // Every request to /api, /engine-rest and the webapps carries a password: never in clear.
    if (blank(environment.getProperty("server.ssl.key-store")) && !"true".equalsIgnoreCase(environment.getProperty(BEHIND_TLS_PROXY))) {
      missing.add("server.ssl.key-store (SERVER_SSL_KEY_STORE: a PKCS12 key store, with SERVER_SSL_KEY_STORE_PASSWORD) to serve "
          + "HTTPS, or " + BEHIND_TLS_PROXY + "=true (ONBOARDING_HTTP_BEHIND_TLS_PROXY) when a TLS-terminating proxy is in "
          + "front: every request carries a password");
    }
    String database = environment.getProperty("spring.datasource.url", "");
    if (!database.isBlank() && !database.startsWith("jdbc:postgresql:")) {
      missing.add("spring.datasource.url must be a PostgreSQL URL (jdbc:postgresql://host:5432/db), not " + database);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The prod profile needs these settings:\n  " + String.join("\n  ", missing));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

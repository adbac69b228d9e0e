package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ldap.LdapProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * The demo's stand-ins for AD and Microsoft 365. Loaded only in the demo profile: production
 * profiles never start a simulator.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
// Off when several nodes share one outside simulator (the crash and cluster tests).
@ConditionalOnProperty(name = "onboarding.simulator.enabled", havingValue = "true", matchIfMissing = true)
class SimulationConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SimulationConfiguration.class);

  /** The demo directory's users who have had a mailbox for long: the managers and the senders. */
  static final List<String> SEEDED_MAILBOXES = List.of(
      "megan.bowen@contoso.com", "alex.wilber@contoso.com", "onboarding@contoso.com", "onboarding2@contoso.com",
      "lee.gu@contoso.com");

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "onboarding.directory.embedded", havingValue = "true", matchIfMissing = true)
  EmbeddedDirectory embeddedDirectory(LdapProperties ldap, Clock clock) throws Exception {
    return new EmbeddedDirectory(ldap, clock);
  }

  @Bean
  SimulatedTenant simulatedTenant(Clock clock, SimulatorProperties properties) {
    return new SimulatedTenant(clock, properties);
  }

  @Bean(destroyMethod = "close")
  GraphSimulator graphSimulator(SimulatedTenant tenant, ObjectMapper json, Clock clock,
      SimulatorProperties properties) throws IOException {
    return new GraphSimulator(tenant, json, clock, properties);
  }

  /**
   * Connect Sync is a system of its own with its own connections: it reads the directory in pages
   * (a request control a pooled connection of the application must not carry on).
   */
  @Bean(destroyMethod = "close")
  ConnectSync connectSync(LdapContextSource directory, SimulatedTenant tenant, SimulatorProperties properties) {
    LdapTemplate ldap = new LdapTemplate(directory);
    ldap.setIgnorePartialResultException(true);
    return new ConnectSync(ldap, directory.getBaseLdapName(), tenant, properties);
  }

  /** The seeded managers have been synced and licensed long ago; then sync runs on its interval. */
  @EventListener(ApplicationReadyEvent.class)
  void startSync(ApplicationReadyEvent event) {
    ConnectSync sync = event.getApplicationContext().getBean(ConnectSync.class);
    SimulatedTenant tenant = event.getApplicationContext().getBean(SimulatedTenant.class);
    SimulatorProperties properties = event.getApplicationContext().getBean(SimulatorProperties.class);
    try {
      int synced = sync.runCycle();
      for (String mailbox : SEEDED_MAILBOXES) {
        tenant.seedLicensed(mailbox, "SPE_E3");
      }
      log.info("Simulated tenant ready: {} user(s) synced; Connect Sync runs every {}", synced, properties.syncInterval());
    } catch (RuntimeException e) {
      log.warn("First simulated Connect Sync cycle failed (the directory may not be seeded): {}", e.toString());
    }
    sync.start(properties.syncInterval());
  }
}

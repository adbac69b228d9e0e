package org.hybridonboarding.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With onboarding.identity.source=database only (the directory holds them otherwise): the groups
 * the product relies on, created idempotently at start-up, and in the demo profile the demo users.
 * No demo user exists elsewhere; outside the demo, camunda.bpm.admin-user creates the first admin.
 */
@Component
@ConditionalOnProperty(name = "onboarding.identity.source", havingValue = "database")
class IdentitySetup {

  private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

  static final Map<String, String> GROUPS = Map.of(
      "onboarding-requesters", "Onboarding requesters (HR and ITSM systems)",
      "onboarding-approvers", "Onboarding approvers",
      "onboarding-operators", "Onboarding operators",
      "onboarding-escalation", "Onboarding escalation (overdue approvals)",
      "onboarding-helpdesk", "Helpdesk (credentials handed over in person)",
      DirectorySignIn.ADMIN_GROUP, "Camunda administrators");

  /** Demo user id → the groups it belongs to; each demo user's password is its id. */
  static final Map<String, List<String>> DEMO_USERS = Map.of(
      "admin", List.of(DirectorySignIn.ADMIN_GROUP),
      "approver", List.of("onboarding-approvers"),
      "operator", List.of("onboarding-operators", "onboarding-helpdesk"),
      "hr-system", List.of("onboarding-requesters"));

  private final IdentityService identity;
  private final Environment environment;

  IdentitySetup(IdentityService identity, Environment environment) {
    this.identity = identity;
    this.environment = environment;
  }

  @EventListener(PostDeployEvent.class)
  void setUp() {
    GROUPS.forEach(this::ensureGroup);
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      DEMO_USERS.forEach(this::ensureDemoUser);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private void ensureDemoUser(String id, List<String> groupIds) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Demo");
      user.setLastName(id);
      user.setPassword(id);
      identity.saveUser(user);
      groupIds.forEach(group -> identity.createMembership(id, group));
      log.info("Created demo user {} in {}", id, groupIds);
    }
  }
}

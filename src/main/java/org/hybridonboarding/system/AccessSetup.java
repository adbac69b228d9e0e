package org.hybridonboarding.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.hybridonboarding.offboarding.OffboardingProcess;
import org.hybridonboarding.transfer.TransferProcess;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.ResolveProblemProcess;
import org.hybridonboarding.process.UndoOnboardingProcess;
import org.hybridonboarding.process.ProcessProperties;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each group may do with Camunda authorization on, and one Tasklist filter per group,
 * created idempotently at start-up: a restart or a second node adds only what is missing.
 * Tasks themselves need no grant here: the engine gives a task's candidate group the right to
 * read and work on that task, so approvers see approvals and operators see failures, nothing else.
 * camunda-admin holds every permission (Camunda creates that with the admin user).
 */
@Component
class AccessSetup {

  private static final Logger log = LoggerFactory.getLogger(AccessSetup.class);

  static final String REQUESTERS = OnboardingProcess.GROUP_REQUESTERS;
  static final String APPROVERS = OnboardingProcess.GROUP_APPROVERS;
  static final String OPERATORS = OnboardingProcess.GROUP_OPERATORS;
  static final String HELPDESK = OnboardingProcess.GROUP_HELPDESK;

  /** The groups that work in Tasklist and their filter; Tasklist opens the first one (lowest priority) a user has. */
  record TaskFilter(String group, String name, int priority) {
  }

  /** The escalation group is a setting (onboarding.approval.escalation-group); the others are the contract's. */
  private static List<TaskFilter> filters(String escalation) {
    return List.of(
        new TaskFilter(APPROVERS, "Onboardings to approve", 10),
        new TaskFilter(escalation, "Overdue onboarding approvals", 20),
        new TaskFilter(OPERATORS, "Onboarding problems to fix", 30),
        new TaskFilter(HELPDESK, "Credentials to hand over", 40));
  }

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
  }

  private static List<Grant> grants(String escalation) {
    List<Grant> grants = new java.util.ArrayList<>(List.of(
        new Grant(REQUESTERS, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE),
        new Grant(APPROVERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
        new Grant(escalation, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
        new Grant(OPERATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
        new Grant(HELPDESK, Resources.APPLICATION, "tasklist", Permissions.ACCESS)));
    for (String lifecycle : List.of(OnboardingProcess.KEY, OffboardingProcess.KEY, TransferProcess.KEY)) {
      // Start over /api or /engine-rest, follow what they started, cancel, withdraw or reverse it (a message).
      grants.add(new Grant(REQUESTERS, Resources.PROCESS_DEFINITION, lifecycle,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK));
      // Tasklist users see the lifecycle behind their task (GET /api/… too), change nothing.
      for (String group : List.of(APPROVERS, escalation, OPERATORS, HELPDESK)) {
        grants.add(new Grant(group, Resources.PROCESS_DEFINITION, lifecycle, readOnly()));
      }
    }
    // What an onboarding calls (a problem being resolved, the undo) is part of it: whoever may follow
    // the onboarding may follow those too, and start none of them.
    for (String called : List.of(ResolveProblemProcess.KEY, UndoOnboardingProcess.KEY)) {
      grants.add(new Grant(REQUESTERS, Resources.PROCESS_DEFINITION, called, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK));
      for (String group : List.of(APPROVERS, escalation, OPERATORS, HELPDESK)) {
        grants.add(new Grant(group, Resources.PROCESS_DEFINITION, called, readOnly()));
      }
    }
    return grants;
  }

  private static Permission[] readOnly() {
    return new Permission[] {ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY};
  }

  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final String escalation;

  AccessSetup(AuthorizationService authorizations, FilterService filters, TaskService tasks, ProcessProperties properties) {
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.escalation = properties.approval().escalationGroup();
  }

  /**
   * The approvals assigned to whoever looks (a manager's own). Last of the filters: a manager has no
   * other, and a group's members open their group's filter first.
   */
  static final String MY_APPROVALS = "My approvals";

  @EventListener(PostDeployEvent.class)
  @Order(2)
  void setUp() {
    grants(escalation).forEach(grant -> ensure(grant.group(), grant.resource(), grant.resourceId(), grant.permissions()));
    filters(escalation).forEach(filter -> ensure(filter.group(), Resources.FILTER, ensureFilter(filter.name(),
        tasks.createTaskQuery().taskCandidateGroup(filter.group()).includeAssignedTasks().orderByTaskCreateTime().asc(),
        "Open tasks of " + filter.group(), filter.priority()), Permissions.READ));
    String mine = ensureFilter(MY_APPROVALS, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
        .taskDefinitionKeyIn(OnboardingProcess.TASK_APPROVE_ONBOARDING, OffboardingProcess.TASK_APPROVE)
        .orderByTaskCreateTime().asc(), "Approvals assigned to you", 50);
    // Everyone may read the filter; what it lists is theirs alone.
    ensure(Authorization.AUTH_TYPE_GLOBAL, null, null, Resources.FILTER, mine, Permissions.READ);
  }

  private String ensureFilter(String name, TaskQuery query, String description, int priority) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Filter filter = filters.newTaskFilter(name).setQuery(query)
        .setProperties(Map.of("description", description, "refresh", true, "priority", priority));
    filters.saveFilter(filter);
    log.info("Created Tasklist filter '{}'", name);
    return filter.getId();
  }

  private void ensure(String group, Resource resource, String resourceId, Permission... permissions) {
    ensure(AUTH_TYPE_GRANT, null, group, resource, resourceId, permissions);
  }

  /** A grant to one user, e.g. Tasklist for a manager whose approval waits (they are in no group of ours). */
  void ensureForUser(String user, Resource resource, String resourceId, Permission... permissions) {
    ensure(AUTH_TYPE_GRANT, user, null, resource, resourceId, permissions);
  }

  /** A grant to a user or a group, or (AUTH_TYPE_GLOBAL, neither) to everyone; only what is missing is added. */
  private void ensure(int type, String user, String group, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationQuery query = authorizations.createAuthorizationQuery()
        .authorizationType(type).resourceType(resource).resourceId(resourceId);
    if (user != null) {
      query.userIdIn(user);
    } else if (group != null) {
      query.groupIdIn(group);
    }
    Authorization authorization = query.singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(type);
      if (type != Authorization.AUTH_TYPE_GLOBAL) {
        authorization.setUserId(user);
        authorization.setGroupId(group);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
    log.info("Granted {} {} on {} {}", user != null ? "user " + user : group != null ? group : "everyone", List.of(permissions),
        resource.resourceName(), resourceId);
  }
}

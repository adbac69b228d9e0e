package org.hybridonboarding.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The people an open approval waits for: its assignee, or else the members of its candidate
 * groups, as the identity service knows them (AD accounts with directory sign-in; a disabled
 * account is nobody).
 */
@Component
class Approvers {

  /** How many members of a group are read at most: the mail names the ones it does not reach. */
  static final int MAX_MEMBERS_READ = 500;

  /**
   * @param mailTo the addresses to remind, at most the limit
   * @param notMailed the display names of the others who may act (beyond the limit, or without a mail address)
   */
  record ToRemind(List<String> mailTo, List<String> notMailed) {
  }

  private final TaskService tasks;
  private final IdentityService identity;

  Approvers(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  ToRemind of(String processInstanceId, String taskDefinitionKey, int limit) {
    Map<String, User> people = new LinkedHashMap<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).list()) {
      User assignee = task.getAssignee() == null ? null
          : identity.createUserQuery().userId(task.getAssignee()).singleResult();
      if (assignee != null && hasMail(assignee)) {
        people.put(assignee.getId(), assignee);
        continue;
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          identity.createUserQuery().memberOfGroup(link.getGroupId()).listPage(0, MAX_MEMBERS_READ)
              .forEach(member -> people.putIfAbsent(member.getId(), member));
        }
      }
    }
    List<String> mailTo = new ArrayList<>();
    List<String> notMailed = new ArrayList<>();
    for (User person : people.values()) {
      if (hasMail(person) && mailTo.size() < limit) {
        mailTo.add(person.getEmail());
      } else {
        notMailed.add(name(person));
      }
    }
    return new ToRemind(List.copyOf(mailTo), List.copyOf(notMailed));
  }

  private static boolean hasMail(User user) {
    return user.getEmail() != null && !user.getEmail().isBlank();
  }

  private static String name(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }
}

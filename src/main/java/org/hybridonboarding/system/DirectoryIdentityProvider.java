package org.hybridonboarding.system;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.LdapName;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.hybridonboarding.directory.UserAccountControl;
import org.hybridonboarding.system.IdentityProperties.GroupMapping;

/**
 * Camunda's LDAP identity provider, made to read Active Directory as this product needs it:
 * <ul>
 * <li>Camunda groups are the AD groups named in onboarding.identity.groups, under the Camunda id
 * the grants and diagrams use; no other AD group is visible (a person is in dozens of them);</li>
 * <li>a disabled account (userAccountControl bit 2, a leaver) does not exist for Camunda: it cannot
 * sign in, is found by no query and loses a web session at the next authentication check.</li>
 * </ul>
 * One session per command, as the plug-in's own.
 */
class DirectoryIdentityProvider extends LdapIdentityProviderSession {

  /** Never a Camunda id (Camunda's ids have no '='): marks an AD group that is not mapped, dropped below. */
  private static final String UNMAPPED = "=unmapped=";

  private final GroupMapping groups;
  /** The users this session read whose account AD has disabled (the very objects, dropped from every answer). */
  private final Set<UserEntity> disabled = Collections.newSetFromMap(new IdentityHashMap<>());

  DirectoryIdentityProvider(LdapConfiguration configuration, GroupMapping groups) {
    super(configuration);
    this.groups = groups;
  }

  // Users

  @Override
  public List<User> findUsersWithoutGroupId(LdapUserQueryImpl query, String userBaseDn, boolean ignorePagination) {
    return super.findUsersWithoutGroupId(query, userBaseDn, ignorePagination).stream()
        .filter(user -> !disabled.contains(user))
        .toList();
  }

  @Override
  protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
    // The plug-in would search from the root for a group it cannot find, and list every group's members.
    return groups.dnOf(query.getGroupId()) == null ? List.of() : super.findUsersByGroupId(query);
  }

  @Override
  protected UserEntity transformUser(SearchResult result) {
    UserEntity user = super.transformUser(result);
    if (UserAccountControl.isDisabled(value(result.getAttributes(), "userAccountControl"))) {
      disabled.add(user);
    }
    return user;
  }

  // Groups

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    if (wanted(query).isEmpty()) {
      return List.of();
    }
    return super.findGroupByQueryCriteria(query).stream()
        .filter(group -> !group.getId().startsWith(UNMAPPED))
        .toList();
  }

  /** Only the mapped groups, found by their cn and then told apart by their DN in transformGroup. */
  @Override
  protected String getGroupSearchFilter(LdapGroupQuery query) {
    StringWriter search = new StringWriter();
    search.write("(&");
    search.write(ldapConfiguration.getGroupSearchFilter());
    search.write("(|");
    for (LdapName dn : wanted(query)) {
      addFilter("cn", escapeLDAPSearchFilter(dn.getRdn(dn.size() - 1).getValue().toString()), search);
    }
    search.write(")");
    if (query.getName() != null) {
      addFilter(ldapConfiguration.getGroupNameAttribute(), escapeLDAPSearchFilter(query.getName()), search);
    }
    if (query.getNameLike() != null) {
      // Camunda's wildcard is already '*' here; everything else is a literal.
      addFilter(ldapConfiguration.getGroupNameAttribute(),
          escapeLDAPSearchFilter(query.getNameLike()).replace("\\2a", "*"), search);
    }
    if (query.getUserId() != null) {
      String member = getDnForUser(query.getUserId());
      // No such (enabled) account: it is in no group.
      search.write(member.isEmpty() ? "(!(objectClass=*))" : "(" + ldapConfiguration.getGroupMemberAttribute() + "="
          + escapeLDAPSearchFilter(member) + ")");
    }
    search.write(")");
    return search.toString();
  }

  @Override
  protected GroupEntity transformGroup(SearchResult result) {
    GroupEntity group = super.transformGroup(result);
    String id = groups.idOf(result.getNameInNamespace());
    group.setId(id == null ? UNMAPPED + result.getNameInNamespace() : id);
    group.setType("WORKFLOW");
    return group;
  }

  /** The mapped groups the query may match: all of them, or those of the ids it asks for. */
  private List<LdapName> wanted(LdapGroupQuery query) {
    List<String> ids = new ArrayList<>();
    if (query.getId() != null) {
      ids.add(query.getId());
    }
    if (query.getIds() != null) {
      ids.addAll(List.of(query.getIds()));
    }
    if (ids.isEmpty()) {
      return List.copyOf(groups.idByDn().keySet());
    }
    return ids.stream().map(groups::dnOf).filter(dn -> dn != null).distinct().toList();
  }

  private static String value(Attributes attributes, String name) {
    Attribute attribute = attributes.get(name);
    try {
      return attribute == null ? null : (String) attribute.get();
    } catch (NamingException e) {
      throw new IllegalStateException("Cannot read " + name + " from the directory", e);
    }
  }
}

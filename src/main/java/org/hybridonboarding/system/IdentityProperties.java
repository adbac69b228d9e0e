package org.hybridonboarding.system;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who signs in ({@code onboarding.identity.*}).
 *
 * @param source where users, passwords and groups live: the directory (AD accounts, checked by an
 *     LDAP bind) or Camunda's own database
 * @param groups Camunda group id → the distinguished name of the AD group whose direct members hold it
 * @param userSearchBase where sign-in accounts are looked for; empty: all of spring.ldap.base
 * @param userFilter which entries are people who may sign in (computers are users in AD too)
 * @param pageSize LDAP paged results, under AD's MaxPageSize of 1,000
 */
@ConfigurationProperties("onboarding.identity")
public record IdentityProperties(
    @DefaultValue("directory") Source source,
    Map<String, String> groups,
    @DefaultValue("") String userSearchBase,
    @DefaultValue("(&(objectClass=user)(!(objectClass=computer)))") String userFilter,
    @DefaultValue("500") int pageSize) {

  public enum Source { DIRECTORY, DATABASE }

  public IdentityProperties {
    groups = groups == null ? Map.of() : Map.copyOf(groups);
  }

  /** The mapping both ways; a DN that is not a DN, or one AD group for two Camunda groups, stops the start. */
  GroupMapping mapping() {
    Map<LdapName, String> byDn = new HashMap<>();
    Map<String, LdapName> byId = new HashMap<>();
    groups.forEach((id, dn) -> {
      if (dn == null || dn.isBlank()) {
        return;
      }
      LdapName name;
      try {
        name = new LdapName(dn);
      } catch (InvalidNameException e) {
        throw new IllegalStateException("onboarding.identity.groups." + id + " is not a distinguished name: " + dn, e);
      }
      String other = byDn.put(name, id);
      if (other != null) {
        throw new IllegalStateException("onboarding.identity.groups." + id + " and ." + other + " name the same AD group "
            + dn + ": give each Camunda group its own AD group");
      }
      byId.put(id.toLowerCase(Locale.ROOT), name);
    });
    return new GroupMapping(Map.copyOf(byDn), Map.copyOf(byId));
  }

  /** Camunda group ids ↔ AD group DNs (DNs compared as AD does: case and spacing do not matter). */
  record GroupMapping(Map<LdapName, String> idByDn, Map<String, LdapName> dnById) {

    String idOf(String dn) {
      try {
        return idByDn.get(new LdapName(dn));
      } catch (InvalidNameException e) {
        return null;
      }
    }

    LdapName dnOf(String id) {
      return id == null ? null : dnById.get(id.toLowerCase(Locale.ROOT));
    }
  }
}

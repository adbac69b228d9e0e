package org.hybridonboarding;

import java.nio.charset.StandardCharsets;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.ldap.LdapName;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapUtils;

/**
 * Test accounts and groups in the directory the application talks to, written over LDAP as its
 * service account: in the embedded directory a sign-in password is a userPassword (it stores no
 * unicodePwd), in Samba the unicodePwd AD takes over LDAPS.
 */
public final class DirectoryAccounts {

  private final LdapTemplate ldap;
  private final LdapName base;
  private final boolean embedded;

  public DirectoryAccounts(LdapTemplate ldap, String base, boolean embedded) {
    this.ldap = ldap;
    this.base = LdapUtils.newLdapName(base);
    this.embedded = embedded;
  }

  /** An enabled account that signs in with this password; returns its DN. */
  public String createAccount(String ouDn, String samAccountName, String password) {
    return createAccount(ouDn, samAccountName, password, null);
  }

  /** The same, with an employeeID (a manager a hire can name). */
  public String createAccount(String ouDn, String samAccountName, String password, String employeeId) {
    String dn = "CN=" + samAccountName + "," + ouDn;
    DirContextAdapter entry = new DirContextAdapter(relative(dn));
    entry.setAttributeValues("objectClass", new String[] {"top", "person", "organizationalPerson", "user"});
    entry.setAttributeValue("cn", samAccountName);
    entry.setAttributeValue("sn", samAccountName);
    entry.setAttributeValue("givenName", "Test");
    entry.setAttributeValue("sAMAccountName", samAccountName);
    entry.setAttributeValue("userPrincipalName", samAccountName + "@contoso.com");
    entry.setAttributeValue("mail", samAccountName + "@contoso.com");
    if (employeeId != null) {
      entry.setAttributeValue("employeeID", employeeId);
    }
    if (embedded) {
      entry.setAttributeValue("userAccountControl", "512");
      entry.setAttributeValue("userPassword", password);
      ldap.bind(entry);
    } else {
      entry.setAttributeValue("userAccountControl", "514");
      ldap.bind(entry);
      setPassword(dn, password);
      setAccountControl(dn, 512);
    }
    return dn;
  }

  /** Sets the password AD's way (Samba) or the embedded directory's. */
  public void setPassword(String dn, String password) {
    ldap.modifyAttributes(relative(dn), new ModificationItem[] {embedded
        ? new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("userPassword", password))
        : new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("unicodePwd",
            ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)))});
  }

  public void setAccountControl(String dn, int userAccountControl) {
    replace(dn, "userAccountControl", Integer.toString(userAccountControl));
  }

  public void createGroup(String dn) {
    DirContextAdapter entry = new DirContextAdapter(relative(dn));
    entry.setAttributeValues("objectClass", new String[] {"top", "group"});
    LdapName name = LdapUtils.newLdapName(dn);
    String cn = name.getRdn(name.size() - 1).getValue().toString();
    entry.setAttributeValue("cn", cn);
    entry.setAttributeValue("sAMAccountName", cn.replace(' ', '-'));
    ldap.bind(entry);
  }

  public void join(String groupDn, String memberDn) {
    ldap.modifyAttributes(relative(groupDn), new ModificationItem[] {
        new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("member", memberDn))});
  }

  public void leave(String groupDn, String memberDn) {
    ldap.modifyAttributes(relative(groupDn), new ModificationItem[] {
        new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("member", memberDn))});
  }

  /** AD's count of wrong passwords for the account (0 when it has none). */
  public long badPasswordCount(String dn) {
    Object count = ldap.lookupContext(relative(dn)).getStringAttribute("badPwdCount");
    return count == null ? 0 : Long.parseLong(count.toString());
  }

  /** The domain's account lockout threshold (0: never), on the domain object itself. */
  public void setDomainLockoutThreshold(int failedBinds) {
    ldap.modifyAttributes(LdapUtils.emptyLdapName(), new ModificationItem[] {
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute("lockoutThreshold", Integer.toString(failedBinds)))});
  }

  private void replace(String dn, String attribute, String value) {
    ldap.modifyAttributes(relative(dn), new ModificationItem[] {
        new ModificationItem(DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(attribute, value))});
  }

  private LdapName relative(String dn) {
    LdapName name = LdapUtils.newLdapName(dn);
    return name.startsWith(base) ? LdapUtils.removeFirst(name, base) : name;
  }
}

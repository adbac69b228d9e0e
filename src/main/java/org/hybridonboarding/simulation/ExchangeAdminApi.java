package org.hybridonboarding.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Exchange Online admin API of the simulated tenant (what the ExchangeOnlineManagement v3
 * module calls): POST /adminapi/beta/{tenantId}/InvokeCommand with a CmdletInput, answered in
 * OData JSON. The cmdlets a leaver needs, over the same mailboxes Graph serves.
 */
final class ExchangeAdminApi {

  static final String PREFIX = "/adminapi/beta/";
  private static final Set<String> CMDLETS = Set.of("Get-Mailbox", "Set-Mailbox", "Get-MailboxStatistics",
      "Get-MailboxPermission", "Add-MailboxPermission");

  private final SimulatedTenant tenant;
  /** Whether the app holds an Exchange role (RBAC) that includes these cmdlets. */
  private volatile boolean roleAssigned = true;

  ExchangeAdminApi(SimulatedTenant tenant) {
    this.tenant = tenant;
  }

  void setRoleAssigned(boolean assigned) {
    this.roleAssigned = assigned;
  }

  GraphApi.Response invoke(String path, JsonNode body) {
    if (!path.matches(java.util.regex.Pattern.quote(PREFIX) + "[^/]+/InvokeCommand")) {
      throw new GraphError(404, "NotFound", "The requested resource " + path + " was not found.");
    }
    JsonNode input = body == null ? null : body.path("CmdletInput");
    if (input == null || !input.isObject()) {
      throw new GraphError(400, "BadRequest", "CmdletInput is required.");
    }
    String cmdlet = input.path("CmdletName").asText();
    JsonNode parameters = input.path("Parameters");
    if (!CMDLETS.contains(cmdlet)) {
      throw new GraphError(400, "Microsoft.Exchange.Management.PSDirectInvoke.CmdletNotFoundException",
          "The term '" + cmdlet + "' is not recognized as a name of a cmdlet.");
    }
    if (!roleAssigned) {
      throw new GraphError(403, "Forbidden", "The role assigned to application isn't supported in this scenario: "
          + "no management role assignment of the app includes " + cmdlet + ".");
    }
    SimulatedTenant.User user = mailboxOwner(parameters.path("Identity").asText());
    return switch (cmdlet) {
      case "Get-Mailbox" -> values(mailbox(user));
      case "Get-MailboxStatistics" -> values(statistics(user));
      case "Get-MailboxPermission" -> values(permissions(user));
      case "Set-Mailbox" -> {
        String type = parameters.path("Type").asText("");
        if (!type.equals("Shared") && !type.equals("Regular")) {
          throw new GraphError(400, "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
              "Cannot bind parameter 'Type': '" + type + "' is not one of Regular, Room, Equipment, Shared.");
        }
        synchronized (tenant) {
          tenant.exchange().setType(user, type.equals("Shared") ? SimulatedMailbox.Type.SharedMailbox
              : SimulatedMailbox.Type.UserMailbox);
        }
        yield values(List.of());
      }
      case "Add-MailboxPermission" -> {
        String holder = parameters.path("User").asText();
        SimulatedTenant.User delegate = tenant.recipient(holder);
        if (delegate == null || !tenant.hasMailbox(delegate)) {
          throw notFound(holder);
        }
        synchronized (tenant) {
          user.mailbox.fullAccess.add(holder.toLowerCase(Locale.ROOT));
        }
        yield values(permissions(user));
      }
      default -> throw new IllegalStateException(cmdlet);
    };
  }

  private SimulatedTenant.User mailboxOwner(String identity) {
    SimulatedTenant.User user = tenant.recipient(identity);
    if (user == null || !tenant.hasMailbox(user)) {
      throw notFound(identity);
    }
    return user;
  }

  private static GraphError notFound(String identity) {
    return new GraphError(404, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
        "The operation couldn't be performed because object '" + identity + "' couldn't be found on "
            + "'AM0PR01A001DC01.EURPR01A001.prod.outlook.com'.");
  }

  private static List<Map<String, Object>> mailbox(SimulatedTenant.User user) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Identity", user.source.mailNickname());
    m.put("DisplayName", user.source.displayName());
    m.put("PrimarySmtpAddress", user.source.mail());
    m.put("UserPrincipalName", user.userPrincipalName);
    m.put("ExternalDirectoryObjectId", user.id);
    m.put("RecipientTypeDetails", user.mailbox.type.name());
    m.put("LitigationHoldEnabled", user.mailbox.litigationHold);
    m.put("ArchiveStatus", user.mailbox.archive ? "Active" : "None");
    m.put("IsDirSynced", true);
    return List.of(m);
  }

  private static List<Map<String, Object>> statistics(SimulatedTenant.User user) {
    long bytes = user.mailbox.totalItemBytes;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("DisplayName", user.source.displayName());
    m.put("TotalItemSize", String.format(Locale.ROOT, "%.3f GB (%,d bytes)", bytes / (1024.0 * 1024 * 1024), bytes));
    m.put("ItemCount", bytes / 75_000);
    return List.of(m);
  }

  private static List<Map<String, Object>> permissions(SimulatedTenant.User user) {
    List<Map<String, Object>> entries = new ArrayList<>();
    entries.add(permission(user, "NT AUTHORITY\\SELF", List.of("FullAccess, ReadPermission")));
    for (String holder : user.mailbox.fullAccess) {
      entries.add(permission(user, holder, List.of("FullAccess")));
    }
    return entries;
  }

  private static Map<String, Object> permission(SimulatedTenant.User user, String holder, List<String> rights) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Identity", user.source.mailNickname());
    m.put("User", holder);
    m.put("AccessRights", rights);
    m.put("IsInherited", false);
    m.put("Deny", false);
    return m;
  }

  private static GraphApi.Response values(List<Map<String, Object>> values) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("@odata.context", "https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)");
    body.put("adminapi.warnings@odata.type", "#Collection(String)");
    body.put("@adminapi.warnings", List.of());
    body.put("value", values);
    return GraphApi.Response.ok(body);
  }
}

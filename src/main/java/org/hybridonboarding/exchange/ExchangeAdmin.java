package org.hybridonboarding.exchange;

import java.util.List;

/**
 * What the offboarding asks of Exchange Online that Microsoft Graph cannot do: the mailbox type,
 * FullAccess and the mailbox's size and holds, through the Exchange Online admin API (the REST
 * endpoint the ExchangeOnlineManagement v3 module calls). Identities are the mailbox's address.
 */
public interface ExchangeAdmin {

  /**
   * Get-Mailbox and Get-MailboxStatistics.
   *
   * @throws ExchangeException MAILBOX_NOT_FOUND, ACCESS_DENIED
   */
  Mailbox mailbox(String identity);

  /** Set-Mailbox -Type Shared | Regular; setting the type it has is harmless. */
  void setType(String identity, boolean shared);

  /** Add-MailboxPermission -AccessRights FullAccess -AutoMapping $true, unless the user holds it already. */
  void grantFullAccess(String identity, String user);

  /** Get-MailboxPermission: the users holding FullAccess (not the mailbox's own SELF entry). */
  List<String> fullAccess(String identity);

  /**
   * A mailbox as Exchange Online describes it.
   *
   * @param recipientTypeDetails UserMailbox, SharedMailbox, …
   * @param totalItemSizeBytes TotalItemSize of Get-MailboxStatistics
   */
  record Mailbox(String recipientTypeDetails, boolean litigationHoldEnabled, boolean archive, long totalItemSizeBytes) {

    /** 50 GB: the most a shared mailbox holds without a licence. */
    public static final long UNLICENSED_SHARED_LIMIT = 50L * 1024 * 1024 * 1024;

    public boolean shared() {
      return "SharedMailbox".equals(recipientTypeDetails);
    }

    /** Why a shared mailbox still needs a licence (a hold, an archive, over 50 GB), or null. */
    public String licenceNeededBecause() {
      if (litigationHoldEnabled) {
        return "the mailbox is on Litigation Hold";
      }
      if (archive) {
        return "the mailbox has an archive";
      }
      if (totalItemSizeBytes > UNLICENSED_SHARED_LIMIT) {
        return "the mailbox holds " + totalItemSizeBytes / (1024 * 1024 * 1024) + " GB, over the 50 GB of an unlicensed shared mailbox";
      }
      return null;
    }
  }
}

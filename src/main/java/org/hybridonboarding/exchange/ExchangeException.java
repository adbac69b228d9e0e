package org.hybridonboarding.exchange;

/** A business failure in Exchange Online that a person must decide on, with Exchange's own words. */
public class ExchangeException extends RuntimeException {

  /** What went wrong; its name is the process's error code. */
  public enum Code {
    /** The app may not run the cmdlet: Exchange.ManageAsApp or the Exchange role is missing. */
    EXCHANGE_ACCESS_DENIED,
    /** Exchange Online has no mailbox with that identity. */
    MAILBOX_NOT_FOUND,
    /** A person to be given FullAccess to a leaver's mailbox has none (or no enabled account). */
    MAILBOX_ACCESS_MISSING
  }

  private final Code code;

  public ExchangeException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}

package org.hybridonboarding.directory;

/** A business failure in the directory that a person (or the process itself) must decide on. */
public class DirectoryException extends RuntimeException {

  /** What went wrong; its name is the process's error code. */
  public enum Code {
    /** The manager's employeeID is in no AD account. */
    MANAGER_NOT_FOUND,
    /** Another account holds the employeeID (a rehire, a duplicate). */
    ACCOUNT_EXISTS,
    /** AD refused a planned name taken since it was planned: not for a person, the names are planned again. */
    NAME_COLLISION,
    /** No account with the employeeID in the OUs this product manages (deleted, moved away, never there). */
    ACCOUNT_NOT_FOUND
  }

  private final Code code;

  public DirectoryException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}

package org.hybridonboarding.directory;

/** A business failure in the directory that a person must decide on. */
public class DirectoryException extends RuntimeException {

  private final String code;

  public DirectoryException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The process's error code, e.g. ACCOUNT_EXISTS. */
  public String code() {
    return code;
  }
}

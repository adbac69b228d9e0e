package org.hybridonboarding.cloud;

/** A business failure in the cloud that a person must decide on, with Graph's own words. */
public class CloudException extends RuntimeException {

  private final String code;

  public CloudException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The process's error code, e.g. NO_FREE_SEAT. */
  public String code() {
    return code;
  }
}

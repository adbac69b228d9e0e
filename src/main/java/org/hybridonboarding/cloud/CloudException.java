package org.hybridonboarding.cloud;

import java.util.Map;

/** A business failure in the cloud that a person must decide on, with Graph's own words. */
public class CloudException extends RuntimeException {

  /** What went wrong; its name is the process's error code. */
  public enum Code {
    /** The SKU has no free seat (or group-based licensing says CountViolation). */
    NO_FREE_SEAT,
    /** Any other licence failure: unknown SKU, a group licence in error. */
    LICENSE_ERROR,
    /** The licence is not offered in the user's usage location. */
    USAGE_LOCATION_INVALID,
    /** A planned address is held in Entra ID by something this product did not create. */
    ADDRESS_IN_USE,
    /** Entra ID refused a Temporary Access Pass (policy off, user not in scope). */
    TAP_FAILED,
    /** Entra ID refused to take a licence away (another licence depends on it, say). */
    LICENSE_REMOVAL_REFUSED
  }

  private final Code code;
  private final Map<String, Integer> freeSeats;

  public CloudException(Code code, String message) {
    this(code, message, Map.of());
  }

  /** @param freeSeats for licence failures: the SKUs that have seats left, and how many */
  public CloudException(Code code, String message, Map<String, Integer> freeSeats) {
    super(message);
    this.code = code;
    this.freeSeats = Map.copyOf(freeSeats);
  }

  public Code code() {
    return code;
  }

  public Map<String, Integer> freeSeats() {
    return freeSeats;
  }
}

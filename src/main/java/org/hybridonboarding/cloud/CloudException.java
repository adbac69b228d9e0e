package org.hybridonboarding.cloud;

import java.util.Map;

/** A business failure in the cloud that a person must decide on, with Graph's own words. */
public class CloudException extends RuntimeException {

  private final String code;
  private final Map<String, Integer> freeSeats;

  public CloudException(String code, String message) {
    this(code, message, Map.of());
  }

  /** @param freeSeats for licence failures: the SKUs that have seats left, and how many */
  public CloudException(String code, String message, Map<String, Integer> freeSeats) {
    super(message);
    this.code = code;
    this.freeSeats = Map.copyOf(freeSeats);
  }

  /** The process's error code, e.g. NO_FREE_SEAT. */
  public String code() {
    return code;
  }

  public Map<String, Integer> freeSeats() {
    return freeSeats;
  }
}

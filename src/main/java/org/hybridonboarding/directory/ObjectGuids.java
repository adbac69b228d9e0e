package org.hybridonboarding.directory;

import java.util.Base64;
import java.util.HexFormat;

/**
 * objectGUID as AD stores it: 16 raw bytes whose first three fields are little-endian. Entra's
 * onPremisesImmutableId is Base64 of exactly those bytes, so never round-trip through
 * java.util.UUID's byte order.
 */
public final class ObjectGuids {

  private ObjectGuids() {
  }

  public static String immutableId(byte[] objectGuid) {
    return Base64.getEncoder().encodeToString(check(objectGuid));
  }

  /** The GUID as AD tools print it, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301. */
  public static String toGuidString(byte[] objectGuid) {
    byte[] b = check(objectGuid);
    byte[] ordered = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6],
        b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    String hex = HexFormat.of().formatHex(ordered);
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }

  private static byte[] check(byte[] objectGuid) {
    if (objectGuid == null || objectGuid.length != 16) {
      throw new IllegalArgumentException("objectGUID must be 16 bytes, got "
          + (objectGuid == null ? "none" : objectGuid.length));
    }
    return objectGuid;
  }
}

package org.hybridonboarding.cloud;

import java.util.List;

/**
 * What a delta query reported: the synced users created or changed since the given delta link,
 * and the link to ask for the next changes.
 */
public record UserChanges(List<Synced> users, String deltaLink) {

  /**
   * A user Connect Sync brought to Entra ID: its cloud id, its on-premises anchors and whether
   * it is enabled (false also when the change did not say).
   */
  public record Synced(String id, String employeeId, String immutableId, boolean enabled) {
  }
}

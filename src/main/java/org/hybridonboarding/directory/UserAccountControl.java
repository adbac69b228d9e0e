package org.hybridonboarding.directory;

/**
 * AD's userAccountControl bit mask, read the one way everything here reads it: the gateway, the
 * sign-in provider and the simulated directory and Connect Sync.
 */
public final class UserAccountControl {

  static final int NORMAL_ACCOUNT = 0x200;
  static final int ACCOUNT_DISABLE = 0x2;

  private UserAccountControl() {
  }

  /** Whether the attribute's value (null: not set) has ACCOUNTDISABLE. */
  public static boolean isDisabled(String userAccountControl) {
    return userAccountControl != null && (Long.parseLong(userAccountControl.trim()) & ACCOUNT_DISABLE) != 0;
  }
}

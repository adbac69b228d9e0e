package org.hybridonboarding.directory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Initial passwords nobody sees: random, meeting AD complexity, written once and forgotten. */
final class Passwords {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%+-.:=?@_~";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int LENGTH = 24;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {
  }

  /** A password with every character class AD's complexity rule counts. */
  static char[] generate() {
    char[] password = new char[LENGTH];
    String[] required = {UPPER, LOWER, DIGITS, SYMBOLS};
    for (int i = 0; i < LENGTH; i++) {
      String pool = i < required.length ? required[i] : ALL;
      password[i] = pool.charAt(RANDOM.nextInt(pool.length()));
    }
    for (int i = LENGTH - 1; i > 0; i--) {
      int j = RANDOM.nextInt(i + 1);
      char c = password[i];
      password[i] = password[j];
      password[j] = c;
    }
    return password;
  }

  /** AD's unicodePwd value: the password in double quotes, UTF-16LE. */
  static byte[] unicodePwd(char[] password) {
    return ("\"" + new String(password) + "\"").getBytes(StandardCharsets.UTF_16LE);
  }
}

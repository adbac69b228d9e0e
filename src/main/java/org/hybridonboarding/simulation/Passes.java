package org.hybridonboarding.simulation;

import java.security.SecureRandom;

/** Temporary Access Pass values in Entra's style. */
final class Passes {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+=?@";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LENGTH = 12;

  private Passes() {
  }

  static String random() {
    StringBuilder pass = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      pass.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return pass.toString();
  }
}

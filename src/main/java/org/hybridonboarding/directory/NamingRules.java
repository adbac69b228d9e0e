package org.hybridonboarding.directory;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How account names are derived from a person's name, in any script: José Müller → jose.mueller,
 * Дмитрий Иванов → dmitriy.ivanov, 张伟 → wei.zhang. The name is transliterated to ASCII with
 * ICU ({@code onboarding.naming.transliteration}, per country where configured), ä ö ü spelled
 * ae oe ue where the person's country does so, apostrophes and spaces dropped, hyphens kept.
 * HR's Latin form of a name, when given, is used instead of the transliteration. Which parts make
 * the alias (mailNickname, UPN, mail) and the sAMAccountName is configured by patterns over
 * {given}, {surname}, {g} and {s} (first letters).
 */
@Component
public class NamingRules {

  /** AD refuses longer sAMAccountNames for users. */
  public static final int MAX_SAM_ACCOUNT_NAME = 20;
  /** Exchange's limit for mailNickname (and so the alias in addresses). */
  public static final int MAX_ALIAS = 64;
  /** AD's limit for cn (and so the name part of the distinguished name). */
  public static final int MAX_CN = 64;
  /** Each of given name and surname in an alias, so that both always show. */
  static final int MAX_ALIAS_PART = 30;

  /** ICU's German rule: ä → ae, ö → oe, ü → ue (and their capitals), before the general transform. */
  private static final String SPELL_UMLAUTS = "de-ASCII";
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9-]");
  private static final Pattern HYPHENS = Pattern.compile("-{2,}");

  private final NamingProperties properties;
  private final Map<String, Transliterator> transforms = new ConcurrentHashMap<>();

  public NamingRules(NamingProperties properties) {
    this.properties = properties;
    // A misspelt transform is a configuration error: refuse to start rather than fail the first hire.
    transform(properties.transliteration(), "onboarding.naming.transliteration");
    properties.transliterationByCountry().forEach((country, id) ->
        transform(id, "onboarding.naming.transliteration-by-country." + country));
  }

  /** The alias by the configured pattern (default given.surname), each part at most 30 characters. */
  public String alias(NewHire hire) {
    return apply(properties.aliasPattern(), hire);
  }

  /** What the sAMAccountName is cut from (default: the alias). */
  public String samBase(NewHire hire) {
    return apply(properties.samPattern(), hire);
  }

  private String apply(String pattern, NewHire hire) {
    String given = trimSeparators(truncate(accountPart(hire.accountGivenName(), hire.usageLocation()), MAX_ALIAS_PART));
    String sur = trimSeparators(truncate(accountPart(hire.accountSurname(), hire.usageLocation()), MAX_ALIAS_PART));
    return trimSeparators(pattern
        .replace("{given}", given)
        .replace("{surname}", sur)
        .replace("{g}", given.isEmpty() ? "" : given.substring(0, 1))
        .replace("{s}", sur.isEmpty() ? "" : sur.substring(0, 1)));
  }

  /**
   * The ASCII form of one name part for a person of that country (usageLocation), lower case,
   * with only letters, digits and inner hyphens: "O'Brien" → "obrien", "Jean-Luc" → "jean-luc",
   * "van der Berg" → "vanderberg", "Иванов" → "ivanov". Empty when nothing of the name
   * transliterates to ASCII letters or digits (e.g. only emoji).
   */
  public String accountPart(String name, String country) {
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    String ascii = transliterate(transformFor(country), nfc).toLowerCase(Locale.ROOT);
    ascii = NOT_ALLOWED.matcher(ascii).replaceAll("");
    return trimSeparators(HYPHENS.matcher(ascii).replaceAll("-"));
  }

  private String transformFor(String country) {
    String id = properties.transliterationByCountry().getOrDefault(country == null ? "" : country,
        properties.transliteration());
    return spellsUmlauts(country) ? SPELL_UMLAUTS + "; " + id : id;
  }

  private boolean spellsUmlauts(String country) {
    return switch (properties.umlauts()) {
      case SPELL_OUT -> true;
      case DROP -> false;
      case BY_COUNTRY -> country != null && properties.umlautCountries().contains(country);
    };
  }

  private String transliterate(String id, String text) {
    Transliterator transform = transform(id, "onboarding.naming.transliteration");
    // ICU's transliterators keep state while they work: one thread at a time per instance.
    synchronized (transform) {
      return transform.transliterate(text);
    }
  }

  private Transliterator transform(String id, String property) {
    return transforms.computeIfAbsent(id, key -> {
      try {
        return Transliterator.getInstance(key);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(property + " is not an ICU transform: '" + key + "' (" + e.getMessage() + ")", e);
      }
    });
  }

  /** The alias with a numeric suffix for the n-th person of that name (n = 1: no suffix). */
  public static String numbered(String base, int n, int maxLength) {
    String suffix = n <= 1 ? "" : Integer.toString(n);
    return trimSeparators(truncate(base, maxLength - suffix.length())) + suffix;
  }

  public static String samAccountName(String alias, int n) {
    return numbered(alias, n, MAX_SAM_ACCOUNT_NAME);
  }

  /** The display name numbered "(2)" on, within AD's 64 characters. */
  public static String cn(String givenName, String surname, int n) {
    String suffix = n <= 1 ? "" : " (" + n + ")";
    return truncateCodePoints(displayName(givenName, surname), MAX_CN - suffix.length()).strip() + suffix;
  }

  /**
   * The name as the person writes it: "Given Surname", but surname first and without a space for
   * a name written in Chinese, Japanese or Korean script (张伟, 山田太郎, 김민준), as people there
   * write and sort their names.
   */
  public static String displayName(String givenName, String surname) {
    return eastAsian(givenName) && eastAsian(surname) ? surname + givenName : givenName + " " + surname;
  }

  private static boolean eastAsian(String name) {
    return name.codePoints().filter(Character::isLetter).allMatch(cp -> {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }) && name.codePoints().anyMatch(Character::isLetter);
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** Cuts between characters, never inside a surrogate pair (a name in a supplementary script). */
  private static String truncateCodePoints(String value, int max) {
    if (value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max));
  }

  /** Names must not start or end with '.' or '-' (a cut can leave one at the end). */
  private static String trimSeparators(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSeparator(value.charAt(start))) {
      start++;
    }
    while (end > start && isSeparator(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '-';
  }
}

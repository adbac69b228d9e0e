package org.hybridonboarding.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * How account names are derived from a person's name: José Müller → jose.mueller. Names are
 * transliterated to ASCII, apostrophes and spaces dropped, hyphens kept. Which parts make the
 * alias (mailNickname, UPN, mail) and the sAMAccountName is configured by patterns over
 * {given}, {surname}, {g} and {s} (first letters); ä, ö, ü are spelled ae, oe, ue or dropped
 * to a, o, u.
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

  /** Letters that Unicode decomposition does not reduce to ASCII, and German umlauts spelled out. */
  private static final Map<Integer, String> SPELLED = Map.ofEntries(
      Map.entry((int) 'ä', "ae"), Map.entry((int) 'ö', "oe"), Map.entry((int) 'ü', "ue"),
      Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'ø', "o"),
      Map.entry((int) 'œ', "oe"), Map.entry((int) 'ł', "l"), Map.entry((int) 'đ', "d"),
      Map.entry((int) 'ð', "d"), Map.entry((int) 'þ', "th"), Map.entry((int) 'ı', "i"));
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9-]");
  private static final Pattern HYPHENS = Pattern.compile("-{2,}");

  private static final Set<Integer> UMLAUTS = Set.of((int) 'ä', (int) 'ö', (int) 'ü');

  private final NamingProperties properties;

  public NamingRules(NamingProperties properties) {
    this.properties = properties;
  }

  /** The alias by the configured pattern (default given.surname), each part at most 30 characters. */
  public String alias(String givenName, String surname) {
    return apply(properties.aliasPattern(), givenName, surname);
  }

  /** What the sAMAccountName is cut from (default: the alias). */
  public String samBase(String givenName, String surname) {
    return apply(properties.samPattern(), givenName, surname);
  }

  private String apply(String pattern, String givenName, String surname) {
    String given = trimSeparators(truncate(ascii(givenName), MAX_ALIAS_PART));
    String sur = trimSeparators(truncate(ascii(surname), MAX_ALIAS_PART));
    return trimSeparators(pattern
        .replace("{given}", given)
        .replace("{surname}", sur)
        .replace("{g}", given.isEmpty() ? "" : given.substring(0, 1))
        .replace("{s}", sur.isEmpty() ? "" : sur.substring(0, 1)));
  }

  private String ascii(String name) {
    return asciiPart(name, properties.umlauts() == NamingProperties.Umlauts.SPELL_OUT);
  }

  /**
   * The ASCII form of one name part, lower case, with only letters, digits and inner hyphens:
   * "O'Brien" → "obrien", "Jean-Luc" → "jean-luc", "van der Berg" → "vanderberg".
   * Empty when nothing of the name can be written in ASCII (e.g. a name in Cyrillic script).
   */
  public static String asciiPart(String name) {
    return asciiPart(name, true);
  }

  static String asciiPart(String name, boolean spellOutUmlauts) {
    StringBuilder spelled = new StringBuilder();
    name.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
      String replacement = !spellOutUmlauts && UMLAUTS.contains(cp) ? null : SPELLED.get(cp);
      if (replacement != null) {
        spelled.append(replacement);
      } else {
        spelled.appendCodePoint(cp);
      }
    });
    String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFD);
    String ascii = NOT_ALLOWED.matcher(COMBINING_MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
    ascii = HYPHENS.matcher(ascii).replaceAll("-");
    return trimSeparators(ascii);
  }

  /** The alias with a numeric suffix for the n-th person of that name (n = 1: no suffix). */
  public static String numbered(String base, int n, int maxLength) {
    String suffix = n <= 1 ? "" : Integer.toString(n);
    return trimSeparators(truncate(base, maxLength - suffix.length())) + suffix;
  }

  public static String samAccountName(String alias, int n) {
    return numbered(alias, n, MAX_SAM_ACCOUNT_NAME);
  }

  /** "Given Surname", numbered "(2)" on, within AD's 64 characters. */
  public static String cn(String givenName, String surname, int n) {
    String suffix = n <= 1 ? "" : " (" + n + ")";
    return truncate(givenName + " " + surname, MAX_CN - suffix.length()).strip() + suffix;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
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

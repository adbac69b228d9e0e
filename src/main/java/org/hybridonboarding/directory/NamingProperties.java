package org.hybridonboarding.directory;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How names are formed ({@code onboarding.naming.*}).
 *
 * @param aliasPattern the alias (mailNickname, UPN and mail local part): {given}, {surname}, {g}, {s}
 * @param samPattern the sAMAccountName before it is cut to 20 characters, e.g. {g}{surname} for jmueller
 * @param transliteration the ICU transform from any script to ASCII. The default reads Cyrillic the
 *     BGN/PCGN way (Юлия → Yuliya, where ICU's plain Any-Latin gives Ûliâ → Ulia) and Greek the
 *     UNGEGN way (Ελένη → Eleni), everything else with ICU's Any-Latin
 * @param transliterationByCountry usageLocation → the ICU transform for people of that country; the
 *     defaults (Ukraine, Belarus, Bulgaria, Serbia, North Macedonia: their own Cyrillic alphabets)
 *     stay unless one is set for that country
 * @param umlauts ä ö ü as ae oe ue for people of the umlautCountries (BY_COUNTRY), always (SPELL_OUT)
 *     or never (DROP: a o u)
 * @param umlautCountries where umlauts are spelled out: German-speaking countries by default
 */
@ConfigurationProperties("onboarding.naming")
public record NamingProperties(
    @DefaultValue("{given}.{surname}") String aliasPattern,
    @DefaultValue("{given}.{surname}") String samPattern,
    @DefaultValue(DEFAULT_TRANSLITERATION) String transliteration,
    Map<String, String> transliterationByCountry,
    @DefaultValue("BY_COUNTRY") Umlauts umlauts,
    @DefaultValue({"DE", "AT", "CH", "LI", "LU"}) List<String> umlautCountries) {

  public enum Umlauts { BY_COUNTRY, SPELL_OUT, DROP }

  public static final String DEFAULT_TRANSLITERATION = "Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII";
  static final Map<String, String> DEFAULT_BY_COUNTRY = Map.of(
      "UA", "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII",
      "BY", "Belarusian-Latin/BGN; Any-Latin; Latin-ASCII",
      "BG", "Bulgarian-Latin/BGN; Any-Latin; Latin-ASCII",
      "RS", "Serbian-Latin/BGN; Any-Latin; Latin-ASCII",
      "MK", "Macedonian-Latin/BGN; Any-Latin; Latin-ASCII");

  public NamingProperties {
    Map<String, String> byCountry = new java.util.HashMap<>(DEFAULT_BY_COUNTRY);
    if (transliterationByCountry != null) {
      byCountry.putAll(transliterationByCountry);
    }
    transliterationByCountry = Map.copyOf(byCountry);
    umlautCountries = umlautCountries == null ? List.of() : List.copyOf(umlautCountries);
  }

  public static NamingProperties defaults() {
    return new NamingProperties("{given}.{surname}", "{given}.{surname}", DEFAULT_TRANSLITERATION, Map.of(),
        Umlauts.BY_COUNTRY, List.of("DE", "AT", "CH", "LI", "LU"));
  }
}

package org.hybridonboarding.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How names are formed ({@code onboarding.naming.*}).
 *
 * @param aliasPattern the alias (mailNickname, UPN and mail local part): {given}, {surname}, {g}, {s}
 * @param samPattern the sAMAccountName before it is cut to 20 characters, e.g. {g}{surname} for jmueller
 * @param umlauts ä ö ü as ae oe ue (SPELL_OUT) or as a o u (DROP)
 */
@ConfigurationProperties("onboarding.naming")
public record NamingProperties(
    @DefaultValue("{given}.{surname}") String aliasPattern,
    @DefaultValue("{given}.{surname}") String samPattern,
    @DefaultValue("SPELL_OUT") Umlauts umlauts) {

  public enum Umlauts { SPELL_OUT, DROP }

  public static NamingProperties defaults() {
    return new NamingProperties("{given}.{surname}", "{given}.{surname}", Umlauts.SPELL_OUT);
  }
}

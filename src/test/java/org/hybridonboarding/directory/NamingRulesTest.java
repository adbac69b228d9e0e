package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingRulesTest {

  private final NamingRules rules = new NamingRules(NamingProperties.defaults());

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({
      "José, Müller, jose.mueller",
      "Zoë, Ødegård, zoe.odegard",
      "Łukasz, Żółć, lukasz.zolc",
      "Seán, O'Brien, sean.obrien",
      "Jean-Luc, Picard, jean-luc.picard",
      "Anna, van der Berg, anna.vanderberg",
      "Hans, Weiß, hans.weiss",
      "Æsa, Strøm, aesa.strom",
      "Nguyễn, Văn An, nguyen.vanan",
      "X, Y, x.y",
      "Anna-, -Lena, anna.lena",
  })
  void aliasesAreAscii(String given, String surname, String alias) {
    assertThat(rules.alias(given, surname)).isEqualTo(alias);
  }

  @Test
  void patternsAndUmlautsAreConfigurable() {
    NamingRules initials = new NamingRules(new NamingProperties("{given}.{surname}", "{g}{surname}",
        NamingProperties.Umlauts.DROP));

    assertThat(initials.alias("Jürgen", "Müller")).isEqualTo("jurgen.muller");
    assertThat(initials.samBase("Jürgen", "Müller")).isEqualTo("jmuller");
    assertThat(rules.samBase("Jürgen", "Müller")).isEqualTo("juergen.mueller");
  }

  @Test
  void nonLatinScriptsGiveNothing() {
    assertThat(NamingRules.asciiPart("Иван")).isEmpty();
    assertThat(NamingRules.asciiPart("王")).isEmpty();
  }

  @Test
  void samAccountNamesStayWithinTwentyCharacters() {
    String alias = rules.alias("Maximilian", "Schwarzenberger");
    assertThat(alias).isEqualTo("maximilian.schwarzenberger");
    assertThat(NamingRules.samAccountName(alias, 1)).isEqualTo("maximilian.schwarzen").hasSize(20);
    assertThat(NamingRules.samAccountName(alias, 2)).isEqualTo("maximilian.schwarze2").hasSize(20);
    assertThat(NamingRules.samAccountName(alias, 12)).isEqualTo("maximilian.schwarz12").hasSize(20);
  }

  @Test
  void aCutNeverLeavesATrailingSeparator() {
    // "abcdefghijklmnopqrs." cut at 20 would end in '.'
    assertThat(NamingRules.samAccountName("abcdefghijklmnopqrs.t", 1)).isEqualTo("abcdefghijklmnopqrs");
  }

  @Test
  void aliasesStayWithinExchangeLimitAndKeepBothNames() {
    String alias = rules.alias("A".repeat(64), "B".repeat(64));
    assertThat(alias).isEqualTo("a".repeat(30) + "." + "b".repeat(30));
    assertThat(alias.length()).isLessThanOrEqualTo(NamingRules.MAX_ALIAS - 3);
    assertThat(NamingRules.numbered(alias, 999, NamingRules.MAX_ALIAS).length()).isLessThanOrEqualTo(NamingRules.MAX_ALIAS);
  }

  @Test
  void commonNamesStayWithinSixtyFourCharacters() {
    assertThat(NamingRules.cn("A".repeat(64), "B".repeat(64), 1)).hasSize(64);
    assertThat(NamingRules.cn("A".repeat(64), "B".repeat(64), 12)).hasSize(64).endsWith(" (12)");
  }

  @Test
  void commonNamesAreNumberedLikeWindows() {
    assertThat(NamingRules.cn("John", "Smith", 1)).isEqualTo("John Smith");
    assertThat(NamingRules.cn("John", "Smith", 2)).isEqualTo("John Smith (2)");
  }
}

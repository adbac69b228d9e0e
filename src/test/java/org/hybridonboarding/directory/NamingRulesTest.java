package org.hybridonboarding.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingRulesTest {

  private final NamingRules rules = new NamingRules(NamingProperties.defaults());

  private static NewHire hire(String given, String surname, String country) {
    return new NewHire("E1", given, surname, "Finance", null, null, country);
  }

  @ParameterizedTest(name = "{0} {1} ({2}) → {3}")
  @CsvSource({
      "José, Müller, DE, jose.mueller",
      "Zoë, Ødegård, NO, zoe.odegard",
      "Seán, O'Brien, IE, sean.obrien",
      "Jean-Luc, Picard, FR, jean-luc.picard",
      "Anna, van der Berg, NL, anna.vanderberg",
      "X, Y, US, x.y",
      "Anna-, -Lena, DE, anna.lena",
      // Russian: BGN/PCGN, not ISO 9's diacritics stripped (Ûliâ → ulia)
      "Дмитрий, Иванов, RU, dmitriy.ivanov",
      "Юлия, Щукина, RU, yuliya.shchukina",
      // Ukrainian letters (ї, є, і, ґ) the Ukrainian way for people in Ukraine
      "Олексій, Київський, UA, oleksiy.kyyivs'kyy",
      "Євгенія, Ґалаґан, UA, yevheniya.galagan",
      "Γιώργος, Παπαδόπουλος, GR, giorgos.papadopoulos",
      "Ελένη, Χατζή, GR, eleni.chatzi",
      "伟, 张, CN, wei.zhang",
      "欣怡, 欧阳, CN, xinyi.ouyang",
      // Japanese kana by sound; kanji are read as Mandarin by ICU (HR's Latin form is the way for those)
      "たろう, やまだ, JP, tarou.yamada",
      "ハナコ, スズキ, JP, hanako.suzuki",
      "太郎, 山田, JP, tailang.shantian",
      "민준, 김, KR, minjun.gim",
      "محمد, علي, AE, mhmd.ly",
      "דוד, כהן, IL, dwd.khn",
      "Nguyễn, Văn Đức, VN, nguyen.vanduc",
      "Łukasz, Żółć, PL, lukasz.zolc",
      "Řehoř, Šťastný, CZ, rehor.stastny",
      "İlkay, Gündoğan, TR, ilkay.gundogan",
      "Işıl, Öztürk, TR, isil.ozturk",
      "Þórunn, Guðmundsdóttir, IS, thorunn.gudmundsdottir",
      "Hans, Weiß, DE, hans.weiss",
      "Jürgen, Köhler, AT, juergen.koehler",
      "Jürgen, Köhler, CH, juergen.koehler",
      "Søren, Kierkegård, DK, soren.kierkegard",
      "Æsa, Strøm, NO, aesa.strom",
      "Åsa, Ängström, SE, asa.angstrom",
  })
  void aliasesAreAscii(String given, String surname, String country, String alias) {
    assertThat(rules.alias(hire(given, surname, country))).isEqualTo(alias.replace("'", ""));
  }

  @Test
  void hrsLatinFormWinsOverTheTransliteration() {
    NewHire yamada = new NewHire("E1", "太郎", "山田", "Sales", null, null, "JP", "Taro", "Yamada");
    assertThat(rules.alias(yamada)).isEqualTo("taro.yamada");
    NewHire onlySurname = new NewHire("E1", "Дмитрий", "Иванов", "Sales", null, null, "RU", null, "Ivanoff");
    assertThat(rules.alias(onlySurname)).isEqualTo("dmitriy.ivanoff");
  }

  @Test
  void patternsUmlautsAndTransformsAreConfigurable() {
    NamingRules initials = new NamingRules(new NamingProperties("{given}.{surname}", "{g}{surname}",
        NamingProperties.DEFAULT_TRANSLITERATION, Map.of("RU", "Any-Latin; Latin-ASCII"),
        NamingProperties.Umlauts.DROP, List.of()));

    assertThat(initials.alias(hire("Jürgen", "Müller", "DE"))).isEqualTo("jurgen.muller");
    assertThat(initials.samBase(hire("Jürgen", "Müller", "DE"))).isEqualTo("jmuller");
    assertThat(rules.samBase(hire("Jürgen", "Müller", "DE"))).isEqualTo("juergen.mueller");
    // ICU's plain Cyrillic transform, configured for Russia; Ukraine keeps its default
    assertThat(initials.alias(hire("Юлия", "Яковлева", "RU"))).isEqualTo("ulia.akovleva");
    assertThat(initials.alias(hire("Юлія", "Яковлева", "UA"))).isEqualTo("yuliya.yakovleva");
  }

  @Test
  void aTransformIcuDoesNotKnowStopsTheStart() {
    assertThatThrownBy(() -> new NamingRules(new NamingProperties("{given}.{surname}", "{given}.{surname}",
        "Any-Klingon", Map.of(), NamingProperties.Umlauts.BY_COUNTRY, List.of())))
        .hasMessageContaining("onboarding.naming.transliteration").hasMessageContaining("Any-Klingon");
  }

  @Test
  void whatTransliteratesToNothingGivesNothing() {
    assertThat(rules.accountPart("😀🎉", "US")).isEmpty();
    assertThat(rules.accountPart("ꆈꌠ", "CN")).isEmpty();
  }

  @Test
  void decomposedAndComposedAccentsGiveTheSameName() {
    assertThat(rules.accountPart("Jose\u0301", "ES")).isEqualTo(rules.accountPart("Jos\u00e9", "ES")).isEqualTo("jose");
  }

  @Test
  void commonNamesKeepTheScript() {
    assertThat(NamingRules.cn("Дмитрий", "Иванов", 2)).isEqualTo("Дмитрий Иванов (2)");
    assertThat(NamingRules.cn("伟", "张", 1)).isEqualTo("张伟");
    assertThat(NamingRules.displayName("太郎", "山田")).isEqualTo("山田太郎");
    assertThat(NamingRules.displayName("민준", "김")).isEqualTo("김민준");
    assertThat(NamingRules.displayName("Wei", "张")).isEqualTo("Wei 张");
    // A name of supplementary characters is never cut inside a character.
    String han = "𠀋".repeat(40);
    assertThat(NamingRules.cn(han, han, 1).codePointCount(0, NamingRules.cn(han, han, 1).length())).isEqualTo(64);
  }

  @Test
  void samAccountNamesStayWithinTwentyCharacters() {
    String alias = rules.alias(hire("Maximilian", "Schwarzenberger", "DE"));
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
    String alias = rules.alias(hire("A".repeat(64), "B".repeat(64), "US"));
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

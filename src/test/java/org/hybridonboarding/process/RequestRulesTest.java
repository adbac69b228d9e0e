package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRulesTest {

  private final RequestRules rules = new RequestRules(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC),
      new NamingRules(NamingProperties.defaults()));

  static OnboardingRequest valid() {
    return new OnboardingRequest("E10001", "José", "Müller", "Finance", "Accountant", "E00001", "DE", "SPE_E3",
        "2026-12-01");
  }

  private List<String> fieldsWrongIn(OnboardingRequest request) {
    return rules.check(request).stream().map(RequestRules.Violation::field).toList();
  }

  @Test
  void aCompleteRequestPasses() {
    assertThat(rules.check(valid())).isEmpty();
  }

  @Test
  void optionalFieldsMayBeLeftOut() {
    assertThat(rules.check(new OnboardingRequest("E10001", "Ann", "Lee", "IT", null, null, "US", null, "2026-12-01")))
        .isEmpty();
  }

  @Test
  void everyMissingRequiredFieldIsNamed() {
    assertThat(fieldsWrongIn(new OnboardingRequest(null, null, null, null, null, null, null, null, null)))
        .containsExactly("employeeId", "givenName", "surname", "department", "usageLocation", "startDate");
  }

  @ParameterizedTest(name = "{0} = \"{1}\" is rejected")
  @CsvSource(delimiter = '|', value = {
      "employeeId|E 10001",
      "employeeId|-E10001",
      "employeeId|E1000100010001000100",
      "employeeId|E10001*)(objectClass=*",
      "givenName|'   '",
      "givenName|12345",
      "givenName|😀",
      "givenName|'\u202EnhoJ'",
      "givenName|'Ann\u2066a'",
      "surname|'Lee\u200B'",
      "surname|'Le\uFEFFe'",
      "surname|'Le\u0378e'",
      "surname|'Le\uE000e'",
      "department|'Fin\u202Dance'",
      "timeZone|Mars/Olympus",
      "timeZone|+02:00",
      "timeZone|''",
      "latinGivenName|Иван",
      "latinGivenName|'Iv\u200Ban'",
      "givenName|' Ann'",
      "surname|Le\u0007e",
      "department|'Fin\nance'",
      "jobTitle|''",
      "managerEmployeeId|E00001;",
      "managerEmployeeId|E10001",
      "usageLocation|de",
      "usageLocation|DEU",
      "usageLocation|XX",
      "licenseSku|SPE E3",
      "startDate|01.12.2026",
      "startDate|2026-02-30",
      "startDate|2026-10-01",
      "startDate|2028-01-01",
  })
  void badValuesAreNamed(String field, String value) {
    OnboardingRequest request = with(valid(), field, value);
    assertThat(fieldsWrongIn(request)).containsExactly(field);
  }

  @Test
  void overlongNamesAreRejected() {
    assertThat(fieldsWrongIn(with(valid(), "givenName", "A".repeat(65)))).containsExactly("givenName");
    assertThat(fieldsWrongIn(with(valid(), "givenName", "A".repeat(64)))).isEmpty();
    assertThat(fieldsWrongIn(with(valid(), "jobTitle", "A".repeat(129)))).containsExactly("jobTitle");
  }

  @Test
  void realNamesPass() {
    for (String name : List.of("O'Brien", "Jean-Luc", "van der Berg", "Ødegård", "Łukasz", "Nguyễn", "X")) {
      assertThat(rules.check(with(valid(), "surname", name))).as(name).isEmpty();
    }
  }

  @Test
  void namesInEveryScriptPass() {
    for (String name : List.of("Иванов", "Παπαδόπουλος", "张", "やまだ", "김", "محمد", "כהן", "Gündoğan", "Þórsdóttir")) {
      assertThat(rules.check(with(valid(), "surname", name))).as(name).isEmpty();
    }
    // Persian writes some names with a zero-width non-joiner between letters: it stays allowed there.
    assertThat(rules.check(with(valid(), "surname", "می‌رزا"))).isEmpty();
  }

  @Test
  void aNameWithoutAsciiLettersNeedsItsLatinForm() {
    assertThat(rules.check(with(valid(), "givenName", "😀🎉")).get(0).message()).isEqualTo("must contain at least one letter");
    // Letters that ICU cannot transliterate (Yi) are still a name: with HR's Latin form the request passes.
    OnboardingRequest yi = with(valid(), "givenName", "ꆈꌠ");
    assertThat(rules.check(yi)).extracting(RequestRules.Violation::message)
        .containsExactly("yields no letters for account names (nothing of it transliterates to ASCII); send its Latin form as latinGivenName");
    assertThat(rules.check(with(yi, "latinGivenName", "Nuosu"))).isEmpty();
    assertThat(rules.check(with(valid(), "latinSurname", "Иванов")).get(0).message()).contains("Latin letters");
  }

  @Test
  void aTimeZoneIsAnIanaId() {
    assertThat(rules.check(with(valid(), "timeZone", "Australia/Sydney"))).isEmpty();
    assertThat(rules.check(with(valid(), "timeZone", "Europe/Kyiv"))).isEmpty();
    assertThat(rules.check(with(valid(), "timeZone", "CEST")).get(0).message()).contains("IANA");
  }

  @Test
  void whatIsNeverANameIsNamedWithItsCodePoint() {
    assertThat(rules.check(with(valid(), "surname", "Lee\u202E")).get(0).message())
        .isEqualTo("must not contain bidirectional control characters (U+202E)");
    assertThat(rules.check(with(valid(), "surname", "Le\u200De")).get(0).message())
        .isEqualTo("must not contain zero-width characters (U+200D)");
  }

  @Test
  void theMessageSaysWhatIsExpected() {
    assertThat(rules.check(with(valid(), "usageLocation", "Germany")).get(0).message())
        .contains("ISO 3166-1 alpha-2");
    assertThat(rules.check(with(valid(), "startDate", "tomorrow")).get(0).message()).contains("2026-12-01");
  }

  static OnboardingRequest with(OnboardingRequest r, String field, String value) {
    return new OnboardingRequest(
        field.equals("employeeId") ? value : r.employeeId(),
        field.equals("givenName") ? value : r.givenName(),
        field.equals("surname") ? value : r.surname(),
        field.equals("department") ? value : r.department(),
        field.equals("jobTitle") ? value : r.jobTitle(),
        field.equals("managerEmployeeId") ? value : r.managerEmployeeId(),
        field.equals("usageLocation") ? value : r.usageLocation(),
        field.equals("licenseSku") ? value : r.licenseSku(),
        field.equals("startDate") ? value : r.startDate(),
        field.equals("timeZone") ? value : r.timeZone(),
        field.equals("latinGivenName") ? value : r.latinGivenName(),
        field.equals("latinSurname") ? value : r.latinSurname());
  }
}

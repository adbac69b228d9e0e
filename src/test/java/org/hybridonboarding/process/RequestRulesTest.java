package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRulesTest {

  private final RequestRules rules = new RequestRules(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC));

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
      "givenName|Иван",
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
        field.equals("startDate") ? value : r.startDate());
  }
}

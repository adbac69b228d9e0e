package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * People from every country: names in their own script kept in AD and Entra ID with ASCII account
 * names, times in each person's own zone, and names handed out once however many people of one
 * name start together.
 */
@TestPropertySource(properties = {
    "onboarding.approval.required=false",
    // Neither UTC (this JVM) nor the zones of the hires below: each hire's own zone must win.
    "onboarding.time-zone=America/Los_Angeles",
    "camunda.bpm.job-execution.core-pool-size=4",
    "camunda.bpm.job-execution.max-pool-size=8",
})
class GlobalWorkforceIT extends DemoIntegrationTest {

  private static final int NAMESAKES = 30;

  @Autowired
  GraphServiceClient graph;
  @Autowired
  HistoryService history;
  @Autowired
  ManagementService management;

  @Test
  void namesInCyrillicAndHanKeepTheirScriptAndGetAsciiAccountNames() throws Exception {
    startOnboarding(hire("G00001", "Дмитрий", "Иванов", "RU", ",\"timeZone\":\"Europe/Moscow\""));
    startOnboarding(hire("G00002", "伟", "张", "CN", ",\"timeZone\":\"Asia/Shanghai\""));

    JsonNode russian = awaitSettled("G00001");
    JsonNode chinese = awaitSettled("G00002");
    assertThat(russian.path("status").asText()).as(russian.toString()).isEqualTo("ONBOARDED");
    assertThat(chinese.path("status").asText()).as(chinese.toString()).isEqualTo("ONBOARDED");

    SearchResultEntry dmitriy = adAccount("G00001");
    assertThat(dmitriy.getDN()).isEqualTo("CN=Дмитрий Иванов,OU=Staff,DC=contoso,DC=com");
    assertThat(dmitriy.getAttributeValue("displayName")).isEqualTo("Дмитрий Иванов");
    assertThat(dmitriy.getAttributeValue("givenName")).isEqualTo("Дмитрий");
    assertThat(dmitriy.getAttributeValue("sn")).isEqualTo("Иванов");
    assertThat(dmitriy.getAttributeValue("sAMAccountName")).isEqualTo("dmitriy.ivanov");
    assertThat(dmitriy.getAttributeValue("mail")).isEqualTo("dmitriy.ivanov@contoso.com");
    assertThat(dmitriy.getAttributeValues("proxyAddresses")).containsExactlyInAnyOrder(
        "SMTP:dmitriy.ivanov@contoso.com", "smtp:dmitriy.ivanov@contoso.mail.onmicrosoft.com");

    SearchResultEntry wei = adAccount("G00002");
    assertThat(wei.getAttributeValue("displayName")).isEqualTo("张伟");
    assertThat(wei.getAttributeValue("cn")).isEqualTo("张伟");
    assertThat(wei.getAttributeValue("sAMAccountName")).isEqualTo("wei.zhang");
    assertThat(wei.getAttributeValue("userPrincipalName")).isEqualTo("wei.zhang@contoso.com");

    User cloudDmitriy = cloudUser(russian);
    assertThat(cloudDmitriy.getDisplayName()).isEqualTo("Дмитрий Иванов");
    assertThat(cloudDmitriy.getGivenName()).isEqualTo("Дмитрий");
    assertThat(cloudDmitriy.getSurname()).isEqualTo("Иванов");
    assertThat(cloudDmitriy.getUserPrincipalName()).isEqualTo("dmitriy.ivanov@contoso.com");
    User cloudWei = cloudUser(chinese);
    assertThat(cloudWei.getDisplayName()).isEqualTo("张伟");
    assertThat(cloudWei.getMail()).isEqualTo("wei.zhang@contoso.com");
  }

  @Test
  void thePassStartsAtMidnightWhereThePersonWorks() throws Exception {
    startOnboarding(hire("G00003", "Mia", "Sydneysider", "AU", ",\"timeZone\":\"Australia/Sydney\""));
    startOnboarding(hire("G00004", "Sam", "Angeleno", "US", ""));
    JsonNode sydney = awaitSettled("G00003");
    JsonNode angeles = awaitSettled("G00004");
    assertThat(sydney.path("status").asText()).as(sydney.toString()).isEqualTo("ONBOARDED");
    assertThat(angeles.path("status").asText()).as(angeles.toString()).isEqualTo("ONBOARDED");
    assertThat(sydney.path("timeZone").asText()).isEqualTo("Australia/Sydney");
    // Without a zone in the request: onboarding.time-zone, shown as such.
    assertThat(angeles.path("timeZone").asText()).isEqualTo("America/Los_Angeles");

    LocalDate startDate = LocalDate.now().plusDays(3);
    assertThat(pass(sydney).getStartDateTime().toInstant())
        .isEqualTo(startDate.atStartOfDay(ZoneId.of("Australia/Sydney")).toInstant());
    assertThat(pass(angeles).getStartDateTime().toInstant())
        .isEqualTo(startDate.atStartOfDay(ZoneId.of("America/Los_Angeles")).toInstant());

    Message welcome = graph.users().byUserId("megan.bowen@contoso.com").messages().get().getValue().stream()
        .filter(m -> m.getSubject().contains("Mia Sydneysider")).findFirst().orElseThrow();
    assertThat(welcome.getBody().getContent()).contains("00:00 (Australia/Sydney)");
  }

  @Test
  void thirtyNamesakesAtOnceGetThirtyNamesWithoutAPerson() throws Exception {
    List<String> ids = new ArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(10);
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < NAMESAKES; i++) {
      String id = "G1%04d".formatted(i);
      ids.add(id);
      sent.add(senders.submit(() -> startOnboarding(hire(id, "Jane", "Namesake", "US", ""))));
    }
    for (Future<?> answer : sent) {
      answer.get();
    }
    senders.shutdown();

    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new))
            .finished().count() == NAMESAKES
            || history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new)).count() > 0
            || management.createJobQuery().noRetriesLeft().count() > 0);

    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new)).list())
        .as("tasks for a person").extracting(task -> task.getName() + " " + task.getProcessInstanceId()).isEmpty();
    assertThat(history.createHistoricIncidentQuery().list()).as("incidents").isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(ids.toArray(String[]::new)).list())
        .extracting(instance -> instance.getEndActivityId()).hasSize(NAMESAKES).containsOnly("EndEvent_Onboarded");

    List<List<String>> names = new ArrayList<>();
    for (String id : ids) {
      SearchResultEntry account = adAccount(id);
      names.add(List.of(account.getAttributeValue("sAMAccountName"), account.getAttributeValue("userPrincipalName"),
          account.getAttributeValue("mail")));
    }
    for (int part = 0; part < 3; part++) {
      int index = part;
      assertThat(names.stream().map(n -> n.get(index).toLowerCase(Locale.ROOT)).distinct().count())
          .as("distinct names in " + names).isEqualTo(NAMESAKES);
    }
    assertThat(names).extracting(n -> n.get(0)).contains("jane.namesake", "jane.namesake2", "jane.namesake30");
    LoggerFactory.getLogger(GlobalWorkforceIT.class).info("{} namesakes at once: {} plans made, names {}", NAMESAKES,
        history.createHistoricActivityInstanceQuery().activityId("Task_PlanIdentity").count(), names);
  }

  private static String hire(String employeeId, String givenName, String surname, String country, String extra) {
    return """
        {"employeeId":"%s","givenName":"%s","surname":"%s","department":"Finance",
         "managerEmployeeId":"E00001","usageLocation":"%s","startDate":"%s"%s}"""
        .formatted(employeeId, givenName, surname, country, LocalDate.now().plusDays(3), extra);
  }

  private User cloudUser(JsonNode status) {
    return graph.users().byUserId(status.path("cloud").path("userId").asText()).get(rc -> rc.queryParameters.select =
        new String[] {"displayName", "givenName", "surname", "userPrincipalName", "mail"});
  }

  private TemporaryAccessPassAuthenticationMethod pass(JsonNode status) {
    List<TemporaryAccessPassAuthenticationMethod> passes = graph.users().byUserId(status.path("cloud").path("userId").asText())
        .authentication().temporaryAccessPassMethods().get().getValue();
    assertThat(passes).hasSize(1);
    return passes.get(0);
  }
}

package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.hybridonboarding.process.OnboardingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import org.springframework.beans.factory.annotation.Autowired;

/** One new hire from the REST request to the mailbox, through every real part of the demo. */
@ExtendWith(OutputCaptureExtension.class)
class HybridOnboardingIT extends DemoIntegrationTest {

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  GraphServiceClient graph;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void onboardsANewHireEndToEnd() throws Exception {
    var created = post("/api/onboardings", "hr-system", request("E20001", "José", "Müller", ""));
    assertThat(created.statusCode()).as(created.headers().map() + created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/onboardings/E20001");

    approve("E20001", true);

    JsonNode status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> json.readTree(get("/api/onboardings/E20001", "hr-system").body()),
            s -> !s.path("status").asText().equals("RUNNING") || s.path("incidents").size() > 0);
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    // The process took the happy path to its end.
    String processInstanceId = status.path("processInstanceId").asText();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(OnboardingProcess.END_EVENT_ONBOARDED).count()).isEqualTo(1);

    // The AD account, read over LDAP.
    SearchResultEntry account = adAccount("E20001");
    assertThat(account.getDN()).isEqualToIgnoringCase("CN=José Müller,OU=Staff,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("sAMAccountName")).isEqualTo("jose.mueller");
    assertThat(account.getAttributeValue("userPrincipalName")).isEqualTo("jose.mueller@contoso.com");
    assertThat(account.getAttributeValue("mail")).isEqualTo("jose.mueller@contoso.com");
    assertThat(account.getAttributeValue("mailNickname")).isEqualTo("jose.mueller");
    assertThat(account.getAttributeValue("targetAddress")).isEqualTo("SMTP:jose.mueller@contoso.mail.onmicrosoft.com");
    assertThat(account.getAttributeValues("proxyAddresses")).containsExactlyInAnyOrder(
        "SMTP:jose.mueller@contoso.com", "smtp:jose.mueller@contoso.mail.onmicrosoft.com");
    assertThat(account.getAttributeValue("msExchRecipientDisplayType")).isEqualTo("-2147483642");
    assertThat(account.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("2147483648");
    assertThat(account.getAttributeValue("msExchRemoteRecipientType")).isEqualTo("1");
    assertThat(account.getAttributeValue("msExchVersion")).isEqualTo("88218628259840");
    assertThat(account.getAttributeValue("msExchUsageLocation")).isEqualTo("DE");
    assertThat(account.hasAttribute("msExchMailboxGuid")).isFalse();
    assertThat(account.getAttributeValue("employeeID")).isEqualTo("E20001");
    assertThat(account.getAttributeValue("department")).isEqualTo("Finance");
    assertThat(account.getAttributeValue("title")).isEqualTo("Accountant");
    assertThat(account.getAttributeValue("manager")).isEqualTo("CN=Megan Bowen,OU=Staff,DC=contoso,DC=com");
    assertThat(account.getAttributeValue("userAccountControl")).isEqualTo("512");
    assertThat(account.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(account.hasAttribute("unicodePwd")).isFalse();
    String immutableId = Base64.getEncoder().encodeToString(account.getAttributeValueBytes("objectGUID"));

    // The cloud user, read through the Graph SDK.
    String cloudUserId = status.path("cloud").path("userId").asText();
    User cloudUser = graph.users().byUserId(cloudUserId).get(rc -> rc.queryParameters.select = new String[] {
        "onPremisesImmutableId", "userPrincipalName", "usageLocation", "assignedLicenses"});
    assertThat(cloudUser.getOnPremisesImmutableId()).isEqualTo(immutableId);
    assertThat(status.path("account").path("immutableId").asText()).isEqualTo(immutableId);
    assertThat(cloudUser.getUserPrincipalName()).isEqualTo("jose.mueller@contoso.com");
    assertThat(cloudUser.getUsageLocation()).isEqualTo("DE");
    assertThat(cloudUser.getAssignedLicenses()).extracting(AssignedLicense::getSkuId)
        .containsExactly(UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965"));
    assertThat(graph.users().byUserId(cloudUserId).mailboxSettings().get().getTimeZone()).isEqualTo("UTC");

    // The manager got the first-day credentials.
    assertThat(status.path("cloud").path("credentialsSentTo").asText()).isEqualTo("megan.bowen@contoso.com");
    Message welcome = welcomeMail("megan.bowen@contoso.com", "José Müller");
    assertThat(welcome.getFrom().getEmailAddress().getAddress()).isEqualTo("onboarding@contoso.com");
    assertThat(welcome.getBody().getContent()).contains("jose.mueller@contoso.com").contains("aka.ms/mysecurityinfo");
    assertThat(temporaryAccessPass(welcome)).hasSize(12);
  }

  @Test
  void theTemporaryAccessPassIsNowhereButInTheMail(CapturedOutput output) throws Exception {
    startOnboarding(request("E20002", "Zoë", "Ødegård", "").replace("E00001", "E00002"));
    approve("E20002", true);
    JsonNode status = awaitSettled("E20002");
    assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ONBOARDED");

    String pass = temporaryAccessPass(welcomeMail("alex.wilber@contoso.com", "Zoë Ødegård"));
    // The capture sees the application's log, so a pass written there would be found.
    assertThat(output.getAll()).contains("Mailed a Temporary Access Pass for zoe.odegard@contoso.com to alex.wilber@contoso.com");
    // Log lines of an onboarding carry its employeeId and process instance.
    assertThat(output.getAll()).containsPattern("\\[E20002 [0-9a-f-]{36}\\].*Mailed a Temporary Access Pass");
    assertThat(output.getAll()).doesNotContain(pass).doesNotContain(HtmlUtils.htmlEscape(pass));

    List<String> tables = jdbc.queryForList(
        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'ACT_%'", String.class);
    assertThat(tables).contains("ACT_HI_VARINST", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG");
    int cells = 0;
    for (String table : tables) {
      for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
        for (Map.Entry<String, Object> cell : row.entrySet()) {
          cells++;
          Object value = cell.getValue();
          String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.UTF_16)
              : String.valueOf(value);
          assertThat(text).as(table + "." + cell.getKey()).doesNotContain(pass);
        }
      }
    }
    assertThat(cells).isGreaterThan(1000);
  }

  @Test
  void twoJohnSmithsAtOnceGetDifferentNames() throws Exception {
    startOnboarding(request("E20003", "Jon", "Twin", ""));
    startOnboarding(request("E20004", "Jon", "Twin", ""));
    approve("E20003", true);
    approve("E20004", true);

    JsonNode first = awaitSettled("E20003");
    JsonNode second = awaitSettled("E20004");

    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("ONBOARDED");
    assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("ONBOARDED");
    assertThat(List.of(first.path("account").path("sAMAccountName").asText(), second.path("account").path("sAMAccountName").asText()))
        .containsExactlyInAnyOrder("jon.twin", "jon.twin2");
    assertThat(first.path("account").path("userPrincipalName").asText())
        .isNotEqualTo(second.path("account").path("userPrincipalName").asText());
    long plans = history.createHistoricActivityInstanceQuery().activityId(OnboardingProcess.TASK_PLAN_IDENTITY).count();
    LoggerFactory.getLogger(HybridOnboardingIT.class).info("Two concurrent Jon Twins: identity planned {} times in all", plans);
  }

  private Message welcomeMail(String mailbox, String displayName) {
    return graph.users().byUserId(mailbox).messages().get().getValue().stream()
        .filter(m -> m.getSubject().contains(displayName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no welcome mail for " + displayName + " in " + mailbox));
  }

  /** The pass as the manager reads it in the mail. */
  private static String temporaryAccessPass(Message mail) {
    Matcher matcher = Pattern.compile("Temporary Access Pass</td><td><b[^>]*>([^<]+)</b>").matcher(mail.getBody().getContent());
    assertThat(matcher.find()).as(mail.getBody().getContent()).isTrue();
    return HtmlUtils.htmlUnescape(matcher.group(1));
  }
}

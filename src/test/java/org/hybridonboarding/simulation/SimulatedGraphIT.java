package org.hybridonboarding.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hybridonboarding.cloud.GraphClientConfiguration;
import org.hybridonboarding.cloud.GraphProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated tenant through the real Graph SDK over real HTTP. */
class SimulatedGraphIT {

  static final UUID SPE_E3 = UUID.fromString("05e9a617-0261-4cee-bb44-138d3ef5d965");
  static final UUID ENTERPRISEPACK = UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900");
  static final Duration MAILBOX_DELAY = Duration.ofMinutes(20);

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
  SimulatedTenant tenant;
  GraphSimulator simulator;
  GraphServiceClient graph;

  @BeforeEach
  void start() throws Exception {
    SimulatorProperties properties = TestSimulators.properties(MAILBOX_DELAY);
    tenant = new SimulatedTenant(clock, properties);
    simulator = new GraphSimulator(tenant, new ObjectMapper(), clock, properties);
    graph = client(0);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  static SyncedAccount account(String immutableId, String upn, String usageLocation) {
    String alias = upn.substring(0, upn.indexOf('@'));
    return new SyncedAccount("CN=" + alias + ",OU=Staff,DC=contoso,DC=com", immutableId, alias, upn, alias + "@contoso.com", alias,
        List.of("SMTP:" + alias + "@contoso.com", "smtp:" + alias + "@contoso.mail.onmicrosoft.com"),
        "E" + Math.abs(immutableId.hashCode() % 100000), "Given Surname", "Given", "Surname", "IT", null,
        usageLocation, true, true, false, false);
  }

  String synced(String immutableId, String upn, String usageLocation) {
    return tenant.sync(account(immutableId, upn, usageLocation)).id;
  }

  static ODataError odataError(Runnable call) {
    try {
      call.run();
    } catch (ODataError e) {
      return e;
    }
    throw new AssertionError("expected Graph to answer with an error");
  }

  @Test
  void refusesRequestsWithoutABearerToken() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + simulator.port() + "/v1.0/users")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = new ObjectMapper().readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("InvalidAuthenticationToken");
    assertThat(error.path("innerError").path("request-id").asText()).isNotBlank();
    assertThat(error.path("innerError").path("date").asText()).isEqualTo("2026-11-29T09:00:00Z");
  }

  @Test
  void immutableIdFilterNeedsAnAdvancedQuery() {
    synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    ODataError plain = odataError(() -> graph.users().get(rc ->
        rc.queryParameters.filter = "onPremisesImmutableId eq 'AAAAAAAAAAAAAAAAAAAAAA=='"));
    assertThat(plain.getResponseStatusCode()).isEqualTo(400);
    assertThat(plain.getError().getCode()).isEqualTo("Request_UnsupportedQuery");

    ODataError countOnly = odataError(() -> graph.users().get(rc -> {
      rc.queryParameters.filter = "onPremisesImmutableId eq 'AAAAAAAAAAAAAAAAAAAAAA=='";
      rc.queryParameters.count = true;
    }));
    assertThat(countOnly.getError().getCode()).isEqualTo("Request_UnsupportedQuery");

    var advanced = graph.users().get(rc -> {
      rc.queryParameters.filter = "onPremisesImmutableId eq 'AAAAAAAAAAAAAAAAAAAAAA=='";
      rc.queryParameters.count = true;
      rc.queryParameters.select = new String[] {"id", "userPrincipalName", "onPremisesImmutableId"};
      rc.headers.add("ConsistencyLevel", "eventual");
    });
    assertThat(advanced.getOdataCount()).isEqualTo(1L);
    assertThat(advanced.getValue()).singleElement()
        .satisfies(u -> assertThat(u.getOnPremisesImmutableId()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA=="));
  }

  @Test
  void defaultFiltersWorkWithoutAdvancedQuery() {
    synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    synced("AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray@contoso.com", "US");

    var found = graph.users().get(rc -> rc.queryParameters.filter = "userPrincipalName eq 'bob.ray@contoso.com'");

    assertThat(found.getValue()).extracting(User::getUserPrincipalName).containsExactly("bob.ray@contoso.com");
  }

  @Test
  void onPremisesPropertiesOnlyWhenSelected() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    User plain = graph.users().byUserId(id).get();
    User selected = graph.users().byUserId(id).get(rc -> rc.queryParameters.select =
        new String[] {"onPremisesImmutableId", "onPremisesSamAccountName", "onPremisesSyncEnabled"});

    assertThat(plain.getUserPrincipalName()).isEqualTo("ann.lee@contoso.com");
    assertThat(plain.getOnPremisesImmutableId()).isNull();
    assertThat(selected.getId()).isEqualTo(id);
    assertThat(selected.getUserPrincipalName()).isNull();
    assertThat(selected.getOnPremisesImmutableId()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA==");
    assertThat(selected.getOnPremisesSamAccountName()).isEqualTo("ann.lee");
    assertThat(selected.getOnPremisesSyncEnabled()).isTrue();
  }

  @Test
  void anUnverifiedUpnSuffixArrivesAsOnmicrosoft() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.local", "US");

    assertThat(graph.users().byUserId(id).get().getUserPrincipalName()).isEqualTo("ann.lee@contoso.onmicrosoft.com");
  }

  @Test
  void unknownUsersAreNotFound() {
    ODataError error = odataError(() -> graph.users().byUserId("00000000-0000-0000-0000-000000000000").get());

    assertThat(error.getResponseStatusCode()).isEqualTo(404);
    assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void subscribedSkusShowSeats() {
    List<SubscribedSku> skus = graph.subscribedSkus().get().getValue();

    assertThat(skus).extracting(SubscribedSku::getSkuPartNumber).containsExactly("SPE_E3", "ENTERPRISEPACK");
    SubscribedSku pack = skus.get(1);
    assertThat(pack.getSkuId()).isEqualTo(ENTERPRISEPACK);
    assertThat(pack.getPrepaidUnits().getEnabled() - pack.getConsumedUnits()).isEqualTo(2);
  }

  @Test
  void licensingNeedsAUsageLocation() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", null);

    ODataError error = odataError(() -> assign(id, SPE_E3));
    assertThat(error.getResponseStatusCode()).isEqualTo(400);
    assertThat(error.getError().getMessage())
        .isEqualTo("License assignment cannot be done for user with invalid usage location.");

    User patch = new User();
    patch.setUsageLocation("DE");
    graph.users().byUserId(id).patch(patch);
    assign(id, SPE_E3);

    User user = graph.users().byUserId(id).get(rc -> rc.queryParameters.select = new String[] {"usageLocation", "assignedLicenses"});
    assertThat(user.getUsageLocation()).isEqualTo("DE");
    assertThat(user.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(SPE_E3);
  }

  @Test
  void onPremisesMasteredPropertiesCannotBePatched() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    User patch = new User();
    patch.setDisplayName("Someone else");

    ODataError error = odataError(() -> graph.users().byUserId(id).patch(patch));

    assertThat(error.getResponseStatusCode()).isEqualTo(400);
    assertThat(error.getError().getMessage()).contains("on-premises mastered");
  }

  @Test
  void seatsRunOutAndReassigningConsumesNone() {
    String first = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    String second = synced("AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray@contoso.com", "US");
    String third = synced("AgAAAAAAAAAAAAAAAAAAAA==", "cy.dee@contoso.com", "US");

    assign(first, ENTERPRISEPACK);
    assign(first, ENTERPRISEPACK);
    assign(second, ENTERPRISEPACK);
    ODataError error = odataError(() -> assign(third, ENTERPRISEPACK));

    assertThat(error.getError().getMessage()).isEqualTo(
        "Subscription with SKU " + ENTERPRISEPACK + " does not have any available licenses.");
    SubscribedSku pack = graph.subscribedSkus().get().getValue().get(1);
    assertThat(pack.getConsumedUnits()).isEqualTo(25);
  }

  @Test
  void unknownSkusAreRefused() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    ODataError error = odataError(() -> assign(id, UUID.fromString("11111111-2222-3333-4444-555555555555")));

    assertThat(error.getError().getMessage()).contains("does not correspond to a valid company License");
  }

  @Test
  void theMailboxAppearsAfterTheDelay() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    assertThat(mailboxError(id).getError().getCode()).isEqualTo("MailboxNotEnabledForRESTAPI");

    assign(id, SPE_E3);
    clock.advance(MAILBOX_DELAY.minusSeconds(1));
    assertThat(mailboxError(id).getResponseStatusCode()).isEqualTo(404);
    assertThat(exchangePlan(id)).isEqualTo("PendingProvisioning");

    clock.advance(Duration.ofSeconds(1));
    assertThat(graph.users().byUserId(id).mailboxSettings().get().getTimeZone()).isEqualTo("UTC");
    assertThat(exchangePlan(id)).isEqualTo("Success");
  }

  @Test
  void noMailboxWithoutRemoteMailboxAttributesOrWithAMailboxGuid() {
    SyncedAccount plain = account("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    String withoutAttributes = tenant.sync(new SyncedAccount(null, plain.immutableId(), "ann.lee", "ann.lee@contoso.com",
        null, null, List.of(), "E1", "Ann", "Ann", "Lee", "IT", null, "US", true, false, false, false)).id;
    String withGuid = tenant.sync(new SyncedAccount(null, "AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray", "bob.ray@contoso.com",
        "bob.ray@contoso.com", "bob.ray", List.of(), "E2", "Bob", "Bob", "Ray", "IT", null, "US", true, true, true, false)).id;
    assign(withoutAttributes, SPE_E3);
    assign(withGuid, SPE_E3);

    clock.advance(Duration.ofDays(1));

    assertThat(mailboxError(withoutAttributes).getError().getCode()).isEqualTo("MailboxNotEnabledForRESTAPI");
    assertThat(mailboxError(withGuid).getError().getCode()).isEqualTo("MailboxNotEnabledForRESTAPI");
  }

  @Test
  void countsRequestsByEndpoint() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    graph.users().byUserId(id).get();
    graph.users().byUserId(id).get();
    graph.subscribedSkus().get();

    assertThat(simulator.requestCounts())
        .containsEntry("GET /users/{id}", 2L)
        .containsEntry("GET /subscribedSkus", 1L);
  }

  @Test
  void aTemporaryAccessPassIsShownOnceAndReplacedByTheNext() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    TemporaryAccessPassAuthenticationMethod first = createTap(id, 60);
    TemporaryAccessPassAuthenticationMethod second = createTap(id, 480);

    assertThat(first.getTemporaryAccessPass()).hasSize(12);
    assertThat(second.getTemporaryAccessPass()).isNotEqualTo(first.getTemporaryAccessPass());
    var listed = graph.users().byUserId(id).authentication().temporaryAccessPassMethods().get().getValue();
    assertThat(listed).singleElement().satisfies(tap -> {
      assertThat(tap.getId()).isEqualTo(second.getId());
      assertThat(tap.getTemporaryAccessPass()).isNull();
      assertThat(tap.getLifetimeInMinutes()).isEqualTo(480);
    });
  }

  @Test
  void temporaryAccessPassLifetimeAndPolicyAreEnforced() {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    assertThat(odataError(() -> createTap(id, 59)).getResponseStatusCode()).isEqualTo(400);
    assertThat(odataError(() -> createTap(id, 43_201)).getResponseStatusCode()).isEqualTo(400);
    assertThat(createTap(id, 43_200).getLifetimeInMinutes()).isEqualTo(43_200);

    tenant.setTapPolicyEnabled(false);
    ODataError refused = odataError(() -> createTap(id, 60));
    assertThat(refused.getResponseStatusCode()).isEqualTo(400);
    assertThat(refused.getError().getMessage()).contains("policy");
  }

  @Test
  void sentMailArrivesInTheRecipientsMailbox() {
    String sender = synced("AAAAAAAAAAAAAAAAAAAAAA==", "onboarding@contoso.com", "US");
    String recipient = synced("AQAAAAAAAAAAAAAAAAAAAA==", "megan.bowen@contoso.com", "US");
    String noMailbox = synced("AgAAAAAAAAAAAAAAAAAAAA==", "no.mailbox@contoso.com", "US");
    assign(sender, SPE_E3);
    assign(recipient, SPE_E3);
    clock.advance(MAILBOX_DELAY);

    sendMail(sender, "megan.bowen@contoso.com", "Welcome", "<p>Hello &amp; welcome</p>");

    var messages = graph.users().byUserId(recipient).messages().get().getValue();
    assertThat(messages).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).isEqualTo("Welcome");
      assertThat(m.getBody().getContent()).isEqualTo("<p>Hello &amp; welcome</p>");
      assertThat(m.getFrom().getEmailAddress().getAddress()).isEqualTo("onboarding@contoso.com");
    });
    ODataError fromNoMailbox = odataError(() -> sendMail(noMailbox, "megan.bowen@contoso.com", "x", "y"));
    assertThat(fromNoMailbox.getError().getCode()).isEqualTo("MailboxNotEnabledForRESTAPI");
  }

  /** Exchange Online's sending limits, per sender mailbox, over real HTTP: rolling minute and rolling day. */
  @Test
  void aSenderOverItsSendingLimitsIsAnswered429UntilTheWindowFrees() throws Exception {
    String sender = synced("AAAAAAAAAAAAAAAAAAAAAA==", "onboarding@contoso.com", "US");
    String otherSender = synced("AQAAAAAAAAAAAAAAAAAAAA==", "onboarding2@contoso.com", "US");
    assign(sender, SPE_E3);
    assign(otherSender, SPE_E3);
    clock.advance(MAILBOX_DELAY);
    simulator.setMailLimits(new SimulatorProperties.MailLimits(true, 3, 5, 4, 10_000, Duration.ofMinutes(10)));
    String one = mail("megan.bowen@contoso.com");
    String two = mail("megan.bowen@contoso.com\"}},{\"emailAddress\":{\"address\":\"alex.wilber@contoso.com");

    for (int i = 0; i < 3; i++) {
      assertThat(raw("POST", "/users/onboarding@contoso.com/sendMail", one).statusCode()).isEqualTo(202);
      clock.advance(Duration.ofSeconds(10));
    }
    HttpResponse<String> fourth = raw("POST", "/users/onboarding@contoso.com/sendMail", one);
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.body()).contains("SubmissionQuotaExceeded").contains("message rate limit");
    // The first of the three was sent 30 s ago: it leaves the rolling minute in 30 s.
    assertThat(fourth.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(raw("POST", "/users/onboarding2@contoso.com/sendMail", one).statusCode())
        .as("another sender has limits of its own").isEqualTo(202);

    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> overTheDay = raw("POST", "/users/onboarding@contoso.com/sendMail", two);
    assertThat(overTheDay.statusCode()).as("3 + 2 recipients of 5 a day fit").isEqualTo(202);
    clock.advance(Duration.ofSeconds(60));
    HttpResponse<String> sixth = raw("POST", "/users/onboarding@contoso.com/sendMail", one);
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.body()).contains("550 5.1.90").contains("daily limit for message recipients");
    // The first recipient of the day leaves the rolling 24 hours 24 h after it was sent (120 s ago).
    assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow())).isEqualTo(86_400 - 120);

    clock.advance(Duration.ofHours(24).minusSeconds(120));
    assertThat(raw("POST", "/users/onboarding@contoso.com/sendMail", one).statusCode()).isEqualTo(202);
    assertThat(simulator.requestCounts()).containsEntry("429 POST /users/{id}/sendMail MESSAGE_RATE", 1L)
        .containsEntry("429 POST /users/{id}/sendMail RECIPIENT_RATE", 1L);
  }

  private static String mail(String to) {
    return "{\"message\":{\"subject\":\"Welcome\",\"body\":{\"contentType\":\"Text\",\"content\":\"Hello\"},"
        + "\"toRecipients\":[{\"emailAddress\":{\"address\":\"" + to + "\"}}]},\"saveToSentItems\":false}";
  }

  @Test
  void batchesServeEachStepAndHoldAtMostTwenty() throws Exception {
    String ann = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    String bob = synced("AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray@contoso.com", "US");
    BatchRequestContent batch = new BatchRequestContent(graph);
    String first = batch.addBatchRequestStep(graph.users().byUserId(ann).toGetRequestInformation());
    String second = batch.addBatchRequestStep(graph.users().byUserId(bob).toGetRequestInformation(
        rc -> rc.queryParameters.select = new String[] {"onPremisesImmutableId"}));
    String missing = batch.addBatchRequestStep(graph.users().byUserId("nobody").toGetRequestInformation());

    BatchResponseContent responses = graph.getBatchRequestBuilder().post(batch, null);

    assertThat(responses.<User>getResponseById(first, User::createFromDiscriminatorValue).getUserPrincipalName())
        .isEqualTo("ann.lee@contoso.com");
    assertThat(responses.<User>getResponseById(second, User::createFromDiscriminatorValue).getOnPremisesImmutableId())
        .isEqualTo("AQAAAAAAAAAAAAAAAAAAAA==");
    assertThat(responses.getResponsesStatusCode()).containsEntry(missing, 404);
    assertThat(simulator.requestCounts()).containsEntry("POST /$batch", 1L).containsEntry("GET /users/{id}", 3L);

    StringBuilder steps = new StringBuilder();
    for (int i = 1; i <= 21; i++) {
      steps.append(i > 1 ? "," : "").append("{\"id\":\"").append(i).append("\",\"method\":\"GET\",\"url\":\"/users/").append(ann).append("\"}");
    }
    HttpResponse<String> tooMany = raw("POST", "/$batch", "{\"requests\":[" + steps + "]}");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("20");
  }

  @Test
  void throttlingAnswers429WithRetryAfterAndWarnsFrom80Percent() throws Exception {
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    simulator.setThrottling(new SimulatorProperties.Throttling(10, Duration.ofSeconds(10), 2, Duration.ofSeconds(150)));

    List<HttpResponse<String>> reads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      reads.add(raw("GET", "/users/" + id, null)); // 2 units each without $select
    }

    assertThat(reads.subList(0, 5)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
    assertThat(reads.get(3).headers().firstValue("x-ms-throttle-limit-percentage")).hasValue("0.8");
    assertThat(reads.get(5).statusCode()).isEqualTo(429);
    assertThat(Integer.parseInt(reads.get(5).headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 10);
    assertThat(new ObjectMapper().readTree(reads.get(5).body()).path("error").path("code").asText()).isEqualTo("TooManyRequests");

    clock.advance(Duration.ofSeconds(10));
    assertThat(raw("PATCH", "/users/" + id, "{\"usageLocation\":\"DE\"}").statusCode()).isEqualTo(204);
    assertThat(raw("PATCH", "/users/" + id, "{\"usageLocation\":\"DE\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> thirdWrite = raw("PATCH", "/users/" + id, "{\"usageLocation\":\"DE\"}");
    assertThat(thirdWrite.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(thirdWrite.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(10);
  }

  @Test
  void theSdkRidesOutThrottlingWithinItsRetryBudget() throws Exception {
    // Windows must pass in real time here: the SDK sleeps for Retry-After.
    tenant = new SimulatedTenant(java.time.Clock.systemUTC(), TestSimulators.properties(MAILBOX_DELAY));
    simulator.close();
    simulator = new GraphSimulator(tenant, new ObjectMapper(), java.time.Clock.systemUTC(), TestSimulators.properties(MAILBOX_DELAY));
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    GraphServiceClient patient = client(3);
    simulator.setThrottling(new SimulatorProperties.Throttling(2, Duration.ofSeconds(1), 3000, Duration.ofSeconds(150)));

    for (int i = 0; i < 3; i++) {
      assertThat(patient.users().byUserId(id).get().getId()).isEqualTo(id);
    }
    // The third read had to wait for the next one-second window (Retry-After: 1).
    assertThat(simulator.requestCounts()).containsKey("429 GET /users/{id}");
  }

  @Test
  void injectedFaultsAnswer503Or504() throws Exception {
    simulator.injectFaults(new SimulatorProperties.Faults(1.0, Duration.ofMillis(50)));

    long started = System.nanoTime();
    HttpResponse<String> response = raw("GET", "/subscribedSkus", null);

    assertThat(response.statusCode()).isIn(503, 504);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void aJustSyncedUserIsFoundByFilterButNotYetById() throws Exception {
    SimulatorProperties lagging = new SimulatorProperties(0, Duration.ofSeconds(30), MAILBOX_DELAY,
        List.of(), "contoso.onmicrosoft.com", List.of("contoso.com"), Duration.ofSeconds(5), true, Map.of(),
        TestSimulators.properties(MAILBOX_DELAY).throttling(), SimulatorProperties.MailLimits.OFF, SimulatorProperties.Faults.NONE);
    tenant = new SimulatedTenant(clock, lagging);
    simulator.close();
    simulator = new GraphSimulator(tenant, new ObjectMapper(), clock, lagging);
    graph = client(0);
    String id = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");

    assertThat(graph.users().get(rc -> rc.queryParameters.filter = "userPrincipalName eq 'ann.lee@contoso.com'")
        .getValue()).hasSize(1);
    assertThat(odataError(() -> graph.users().byUserId(id).get()).getResponseStatusCode()).isEqualTo(404);

    clock.advance(Duration.ofSeconds(5));
    assertThat(graph.users().byUserId(id).get().getId()).isEqualTo(id);
  }

  @Test
  void groupBasedLicensingActivatesOrReportsCountViolation() {
    tenant.sync(account("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US"));
    tenant.sync(account("AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray@contoso.com", "US"));
    tenant.sync(account("AgAAAAAAAAAAAAAAAAAAAA==", "cy.dee@contoso.com", "US"));
    Map<String, String> groupLicenses = Map.of("Licensing-E3", "ENTERPRISEPACK");
    SimulatorProperties withGroups = new SimulatorProperties(0, Duration.ofSeconds(30), MAILBOX_DELAY, List.of(),
        "contoso.onmicrosoft.com", List.of("contoso.com"), Duration.ZERO, true, groupLicenses,
        TestSimulators.properties(MAILBOX_DELAY).throttling(), SimulatorProperties.MailLimits.OFF, SimulatorProperties.Faults.NONE);
    SimulatedTenant licensing = new SimulatedTenant(clock, withGroups);
    List<String> members = new ArrayList<>();
    for (String alias : List.of("ann.lee", "bob.ray", "cy.dee")) {
      SyncedAccount account = account(UUID.nameUUIDFromBytes(alias.getBytes()).toString(), alias + "@contoso.com", "US");
      licensing.sync(account);
      members.add(account.dn());
    }
    SimulatedTenant.Group group = licensing.sync(new SyncedGroup("CN=Licensing-E3,OU=Groups,DC=contoso,DC=com",
        "BAAAAAAAAAAAAAAAAAAAAA==", "Licensing-E3", members));

    licensing.processGroupLicensing();

    List<SimulatedTenant.Assignment> states = licensing.users().stream()
        .flatMap(u -> u.assignments.stream()).toList();
    assertThat(states).hasSize(3).allSatisfy(a -> assertThat(a.assignedByGroup()).isEqualTo(group.id));
    assertThat(states).filteredOn(SimulatedTenant.Assignment::active).hasSize(2);
    assertThat(states).filteredOn(a -> "Error".equals(a.state())).singleElement()
        .satisfies(a -> assertThat(a.error()).isEqualTo("CountViolation"));
    assertThat(licensing.skus().get(1).free()).isZero();

    // Leaving the group frees the seat; the next cycle gives it to the one who waited.
    licensing.sync(new SyncedGroup(group.source.dn(), group.source.immutableId(), "Licensing-E3", members.subList(1, 3)));
    licensing.processGroupLicensing();
    licensing.processGroupLicensing();
    assertThat(licensing.users().stream().flatMap(u -> u.assignments.stream()))
        .hasSize(2).allSatisfy(a -> assertThat(a.active()).isTrue());
  }

  private TemporaryAccessPassAuthenticationMethod createTap(String userId, int lifetimeMinutes) {
    TemporaryAccessPassAuthenticationMethod tap = new TemporaryAccessPassAuthenticationMethod();
    tap.setLifetimeInMinutes(lifetimeMinutes);
    tap.setIsUsableOnce(true);
    return graph.users().byUserId(userId).authentication().temporaryAccessPassMethods().post(tap);
  }

  private void sendMail(String sender, String to, String subject, String html) {
    Message message = new Message();
    message.setSubject(subject);
    ItemBody body = new ItemBody();
    body.setContentType(BodyType.Html);
    body.setContent(html);
    message.setBody(body);
    EmailAddress address = new EmailAddress();
    address.setAddress(to);
    Recipient recipient = new Recipient();
    recipient.setEmailAddress(address);
    message.setToRecipients(List.of(recipient));
    SendMailPostRequestBody request = new SendMailPostRequestBody();
    request.setMessage(message);
    graph.users().byUserId(sender).sendMail().post(request);
  }

  private HttpResponse<String> raw(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + simulator.port() + "/v1.0" + path))
        .header("Authorization", "Bearer test-token")
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private GraphServiceClient client(int maxRetries) {
    return new GraphClientConfiguration().graphServiceClient(new GraphProperties(
        "http://localhost:" + simulator.port() + "/v1.0", null, null, null, null, null, "test-token", maxRetries,
        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), 2700, Duration.ofSeconds(150)),
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
  }

  private ODataError mailboxError(String id) {
    return odataError(() -> graph.users().byUserId(id).mailboxSettings().get());
  }

  private String exchangePlan(String id) {
    return graph.users().byUserId(id).get(rc -> rc.queryParameters.select = new String[] {"provisionedPlans"})
        .getProvisionedPlans().stream().filter(p -> "exchange".equals(p.getService()))
        .findFirst().orElseThrow().getProvisioningStatus();
  }

  /** What a licence swap must do (a mover's new SKU): one request, so the mailbox is never unlicensed. */
  @Test
  void addingAndRemovingInOneRequestLeavesNoMomentWithoutALicence() {
    String swapped = synced("AAAAAAAAAAAAAAAAAAAAAA==", "ann.lee@contoso.com", "US");
    String twoSteps = synced("AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray@contoso.com", "US");
    assign(swapped, SPE_E3);
    assign(twoSteps, SPE_E3);

    swap(swapped, List.of(ENTERPRISEPACK), List.of(SPE_E3));
    swap(twoSteps, List.of(), List.of(SPE_E3));
    swap(twoSteps, List.of(ENTERPRISEPACK), List.of());

    assertThat(tenant.licenceHistory(swapped)).extracting(SimulatedTenant.LicenceState::skuIds)
        .containsExactly(List.of(SPE_E3), List.of(ENTERPRISEPACK));
    // Removing first and adding after shows the gap the history is there to find.
    assertThat(tenant.licenceHistory(twoSteps)).extracting(SimulatedTenant.LicenceState::skuIds)
        .containsExactly(List.of(SPE_E3), List.of(), List.of(ENTERPRISEPACK));
    User user = graph.users().byUserId(swapped).get(rc -> rc.queryParameters.select = new String[] {"assignedLicenses"});
    assertThat(user.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(ENTERPRISEPACK);
  }

  private void swap(String userId, List<UUID> add, List<UUID> remove) {
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(add.stream().map(skuId -> {
      AssignedLicense license = new AssignedLicense();
      license.setSkuId(skuId);
      license.setDisabledPlans(new ArrayList<>());
      return license;
    }).toList());
    body.setRemoveLicenses(new ArrayList<>(remove));
    graph.users().byUserId(userId).assignLicense().post(body);
  }

  private void assign(String userId, UUID skuId) {
    swap(userId, List.of(skuId), List.of());
  }
}

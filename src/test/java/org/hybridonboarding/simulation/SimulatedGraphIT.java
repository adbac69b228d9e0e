package org.hybridonboarding.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    graph = new GraphClientConfiguration().graphServiceClient(new GraphProperties(
        "http://localhost:" + simulator.port() + "/v1.0", null, null, null, "test-token", 0,
        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10)));
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
        usageLocation, true, true, false);
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
        null, null, List.of(), "E1", "Ann", "Ann", "Lee", "IT", null, "US", true, false, false)).id;
    String withGuid = tenant.sync(new SyncedAccount(null, "AQAAAAAAAAAAAAAAAAAAAA==", "bob.ray", "bob.ray@contoso.com",
        "bob.ray@contoso.com", "bob.ray", List.of(), "E2", "Bob", "Bob", "Ray", "IT", null, "US", true, true, true)).id;
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

  private ODataError mailboxError(String id) {
    return odataError(() -> graph.users().byUserId(id).mailboxSettings().get());
  }

  private String exchangePlan(String id) {
    return graph.users().byUserId(id).get(rc -> rc.queryParameters.select = new String[] {"provisionedPlans"})
        .getProvisionedPlans().stream().filter(p -> "exchange".equals(p.getService()))
        .findFirst().orElseThrow().getProvisioningStatus();
  }

  private void assign(String userId, UUID skuId) {
    AssignedLicense license = new AssignedLicense();
    license.setSkuId(skuId);
    license.setDisabledPlans(new ArrayList<>());
    AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
    body.setAddLicenses(List.of(license));
    body.setRemoveLicenses(new ArrayList<>());
    graph.users().byUserId(userId).assignLicense().post(body);
  }
}

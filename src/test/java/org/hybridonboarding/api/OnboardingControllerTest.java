package org.hybridonboarding.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hybridonboarding.directory.NamingProperties;
import org.hybridonboarding.directory.NamingRules;
import org.hybridonboarding.process.OnboardingProcess;
import org.hybridonboarding.process.RequestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's answers to bad or refused requests, on the web layer alone (the engine is a mock):
 * 400 problem details naming every bad field, 403 outside the group, 404 and 409. Who is asking
 * is what the authentication filter put into Camunda's IdentityService; its 401 is AccessIT's.
 */
@WebMvcTest(OnboardingController.class)
// Only the web layer: the application class would bring the whole process application along.
@ContextConfiguration(classes = {OnboardingController.class, Callers.class, ApiExceptionHandler.class, OnboardingControllerTest.Rules.class})
class OnboardingControllerTest {

  @TestConfiguration
  static class Rules {
    @Bean
    RequestRules requestRules() {
      return new RequestRules(Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC),
          new NamingRules(NamingProperties.defaults()));
    }
  }

  @Autowired
  MockMvc mvc;
  @MockitoBean
  OnboardingService onboardings;
  @MockitoBean
  IdentityService identity;

  private static final String VALID = """
      {"employeeId":"E10001","givenName":"José","surname":"Müller","department":"Finance",
       "usageLocation":"DE","startDate":"2026-12-01"}""";

  @BeforeEach
  void signedInAsTheHrSystem() {
    as("hr-system", OnboardingProcess.GROUP_REQUESTERS);
  }

  private void as(String user, String group) {
    when(identity.getCurrentAuthentication()).thenReturn(new Authentication(user, List.of(group)));
  }

  @Test
  void badRequestsNameEveryBadField() throws Exception {
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON).content("""
            {"employeeId":"E 1","givenName":"","surname":"Lee\u202E","department":"IT","usageLocation":"Germany",
             "startDate":"01.12.2026","timeZone":"Mars/Olympus"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid onboarding request"))
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains(
            "employeeId", "givenName", "surname", "usageLocation", "startDate", "timeZone")));
    verify(onboardings, never()).start(any());
  }

  @Test
  void aFieldGivenTwiceOrUnknownIsNamed() throws Exception {
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("}", ",\"employeeId\":\"E10002\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("employeeId"))
        .andExpect(jsonPath("$.errors[0].message").value("is given more than once: the request is ambiguous"));
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.replace("}", ",\"managerEmployeeID\":\"E00001\"}")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("managerEmployeeID"));
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON).content("{\"employeeId\":"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verify(onboardings, never()).start(any());
  }

  @Test
  void onlyRequestersStartOrCancel() throws Exception {
    as("approver", OnboardingProcess.GROUP_APPROVERS);
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/onboardings/E10001")).andExpect(status().isForbidden());
    verify(onboardings, never()).start(any());
    verify(onboardings, never()).cancel(anyString(), anyString(), anyString());
  }

  @Test
  void anUnknownOnboardingIsNotFound() throws Exception {
    when(onboardings.status("E99999")).thenReturn(Optional.empty());
    mvc.perform(get("/api/onboardings/E99999")).andExpect(status().isNotFound());
    when(onboardings.cancel(anyString(), anyString(), anyString())).thenReturn(Optional.empty());
    mvc.perform(delete("/api/onboardings/E99999")).andExpect(status().isNotFound());
  }

  @Test
  void aRunningOnboardingIsAConflictAndAnEndedOneCannotBeCancelled() throws Exception {
    when(onboardings.start(any())).thenThrow(new OnboardingService.AlreadyRunningException("E10001"));
    mvc.perform(post("/api/onboardings").contentType(MediaType.APPLICATION_JSON).content(VALID))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Onboarding already running"));
    when(onboardings.cancel(anyString(), anyString(), anyString()))
        .thenThrow(new OnboardingService.NotRunningException("E10001", "ONBOARDED"));
    mvc.perform(delete("/api/onboardings/E10001")).andExpect(status().isConflict())
        .andExpect(jsonPath("$.title").value("Onboarding not running"));
  }
}

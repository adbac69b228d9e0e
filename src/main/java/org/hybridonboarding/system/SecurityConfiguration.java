package org.hybridonboarding.system;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hybridonboarding.process.OnboardingProcess;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's identity service for /api and /engine-rest: the same users and
 * groups as Tasklist and Cockpit, which keep their own session login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final List<String> METRICS_READERS = List.of(OnboardingProcess.GROUP_OPERATORS, "camunda-admin");

  @Bean
  FilterRegistrationBean<Filter> basicAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("onboarding-basic-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    // Health stays open for load balancers; metrics need a Camunda user.
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/actuator/prometheus");
    registration.setOrder(1);
    return registration;
  }

  /** Metrics name onboardings by outcome: for operators and admins, not for every authenticated user. */
  @Bean
  FilterRegistrationBean<Filter> metricsAccess(IdentityService identity) {
    Filter filter = (request, response, chain) -> {
      Authentication current = identity.getCurrentAuthentication();
      if (current != null && current.getGroupIds() != null
          && current.getGroupIds().stream().anyMatch(METRICS_READERS::contains)) {
        chain.doFilter(request, response);
      } else {
        ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN,
            "Metrics need membership in one of " + METRICS_READERS);
      }
    };
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("onboarding-metrics-access");
    registration.addUrlPatterns("/actuator/prometheus");
    registration.setOrder(2);
    return registration;
  }
}

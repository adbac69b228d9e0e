package org.hybridonboarding;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
// A process application (META-INF/processes.xml) deploys BPMN and forms as one deployment,
// which formRefBinding="deployment" relies on.
@EnableProcessApplication("hybrid-onboarding")
public class HybridOnboardingApplication {

  public static void main(String[] args) {
    SpringApplication.run(HybridOnboardingApplication.class, args);
  }
}

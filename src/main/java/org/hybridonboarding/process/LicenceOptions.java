package org.hybridonboarding.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.hybridonboarding.cloud.CloudException;

/** A licence failure becomes a BpmnError, with the SKUs an operator could switch to. */
public final class LicenceOptions {

  private LicenceOptions() {
  }

  /** Group mode needs an AD group that licenses the SKU: without one, a licence problem before anything changes. */
  public static void requireLicensingGroup(OnboardingSettings settings, String sku) {
    if (settings.isGroupLicensing() && settings.licensingGroup(sku).isEmpty()) {
      throw new BpmnError(CloudException.Code.LICENSE_ERROR.name(), "Group-based licensing is on but no AD group licenses " + sku
          + " (onboarding.licensing.groups." + sku + ")");
    }
  }

  public static BpmnError failure(DelegateExecution execution, CloudException e) {
    if (!e.freeSeats().isEmpty()) {
      List<Map<String, Object>> options = new ArrayList<>();
      e.freeSeats().forEach((sku, free) -> {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("label", sku + " (" + free + " free)");
        option.put("value", sku);
        options.add(option);
      });
      execution.setVariable(OnboardingProcess.AVAILABLE_SKUS, SpinValues.jsonValue(Spin.JSON(options)).create());
    }
    return new BpmnError(e.code().name(), e.getMessage());
  }
}

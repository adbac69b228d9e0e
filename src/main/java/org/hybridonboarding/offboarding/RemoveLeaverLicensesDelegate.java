package org.hybridonboarding.offboarding;

import org.hybridonboarding.process.Problems;
import static org.hybridonboarding.offboarding.OffboardingProcess.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hybridonboarding.cloud.CloudGateway;
import org.hybridonboarding.exchange.ExchangeAdmin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Frees the seats, only after the mailbox is shared: a shared mailbox up to 50 GB needs no
 * licence, one on hold, with an archive or larger keeps its licences (and says why).
 */
@Component
class RemoveLeaverLicensesDelegate implements JavaDelegate {

  private final CloudGateway cloud;
  private final ExchangeAdmin exchange;

  RemoveLeaverLicensesDelegate(CloudGateway cloud, ExchangeAdmin exchange) {
    this.cloud = cloud;
    this.exchange = exchange;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (CLOUD_USER_ID.find(execution).isEmpty()) {
      return;
    }
    if (!OffboardingRequest.Mailbox.REMOVE.name().equals(MAILBOX.get(execution))) {
      String because = Problems.exchange(() -> exchange.mailbox(MAIL.get(execution))).licenceNeededBecause();
      if (because != null) {
        LICENSES_KEPT_BECAUSE.set(execution, because);
        return;
      }
    }
    List<String> removed = Problems.cloud(() -> cloud.removeDirectLicenses(CLOUD_USER_ID.get(execution)));
    // A second run finds nothing left: what the first removed stays recorded for a reinstatement.
    Set<String> all = new LinkedHashSet<>(List.of(LICENSES_REMOVED.find(execution).orElse("").split(",")));
    all.addAll(removed);
    all.remove("");
    LICENSES_REMOVED.set(execution, String.join(",", all));
  }
}

package org.hybridonboarding.transfer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hybridonboarding.process.NameReservations;
import org.springframework.stereotype.Component;

/** When a transfer ends, the names it reserved go back: AD holds the ones it gave the account. */
@Component
class ReleaseTransferNamesListener implements ExecutionListener {

  private final NameReservations reservations;

  ReleaseTransferNamesListener(NameReservations reservations) {
    this.reservations = reservations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    reservations.release(execution.getProcessInstanceId());
  }
}

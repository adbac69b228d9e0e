package org.hybridonboarding.process;

import static org.hybridonboarding.process.OnboardingProcess.MAIL_SENDER;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SLOT_AT;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SLOT_DUE;
import static org.hybridonboarding.process.OnboardingProcess.MAIL_SLOT_ID;
import static org.hybridonboarding.process.OnboardingProcess.START_DATE;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hybridonboarding.cloud.MailSlots;
import org.springframework.stereotype.Component;

/**
 * Before the hand-over: the welcome mail waits for a slot of a sender mailbox, so that a bulk stays
 * under Exchange Online's sending limits. Run again when the slot's timer fires: the slot is taken
 * then, or — its sender's minute full of mails that came due together, or the slot given to a mail
 * due sooner — booked anew. The mail is due by the start of the first day.
 */
@Component
class BookMailSlotDelegate implements JavaDelegate {

  private final MailSlots slots;
  private final OnboardingSettings settings;

  BookMailSlotDelegate(MailSlots slots, OnboardingSettings settings) {
    this.slots = slots;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> booked = MAIL_SLOT_ID.find(execution);
    if (booked.isPresent() && slots.take(booked.get())) {
      MAIL_SLOT_DUE.set(execution, true);
      return;
    }
    MailSlots.MailSlot slot = slots.book(1,
        settings.welcomeMailDueBy(LocalDate.parse(START_DATE.get(execution)), settings.timeZone(execution)));
    MAIL_SLOT_ID.set(execution, slot.id());
    MAIL_SENDER.set(execution, slot.sender());
    MAIL_SLOT_AT.set(execution, Date.from(slot.at()));
    MAIL_SLOT_DUE.set(execution, false);
  }
}

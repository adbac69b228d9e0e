package org.hybridonboarding.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.hybridonboarding.cloud.CloudException;
import org.hybridonboarding.directory.DirectoryException;
import org.hybridonboarding.exchange.ExchangeException;

/** A port's business failure becomes the BpmnError the diagram routes to a person; technical ones pass. */
public final class Problems {

  private Problems() {
  }

  public static <T> T directory(Supplier<T> call) {
    try {
      return call.get();
    } catch (DirectoryException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
  }

  public static <T> T cloud(Supplier<T> call) {
    try {
      return call.get();
    } catch (CloudException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
  }

  public static <T> T exchange(Supplier<T> call) {
    try {
      return call.get();
    } catch (ExchangeException e) {
      throw new BpmnError(e.code().name(), e.getMessage());
    }
  }
}

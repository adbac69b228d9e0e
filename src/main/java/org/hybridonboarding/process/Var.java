package org.hybridonboarding.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable declared once with its name and type, shared by delegates, the API,
 * forms (field key = name) and tests.
 */
public record Var<T>(String name, Class<T> type) {

  public static <T> Var<T> of(String name, Class<T> type) {
    return new Var<>(name, type);
  }

  public T get(VariableScope scope) {
    return find(scope).orElseThrow(
        () -> new IllegalStateException("Process variable '" + name + "' is not set"));
  }

  public Optional<T> find(VariableScope scope) {
    return cast(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public Optional<T> cast(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException("Process variable '" + name + "' is a "
          + value.getClass().getSimpleName() + ", expected " + type.getSimpleName());
    }
    return Optional.of(type.cast(value));
  }
}

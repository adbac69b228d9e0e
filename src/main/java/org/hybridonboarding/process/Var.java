package org.hybridonboarding.process;

import java.text.Normalizer;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

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

  /** Set for the rest of this transaction only: never stored, never in history. */
  public void setTransient(VariableScope scope, T value) {
    scope.setVariable(name, Variables.untypedValue(value, true));
  }

  /**
   * The value as a request field's text: values of another type than String (a number, a date
   * sent over /engine-rest) are read as text, so validation can name them.
   */
  public String text(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
    return String.valueOf(value);
  }

  /** Unicode's composed form (NFC): "é" typed as e + ◌́ and "é" as one character are one text. */
  public static String nfc(String value) {
    return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
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

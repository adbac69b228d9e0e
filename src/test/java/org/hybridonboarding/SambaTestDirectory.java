package org.hybridonboarding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * The Samba AD domain controller that {@code .ci/samba-ad.sh start} runs on loopback. Tests that
 * need it skip with a message when it is absent, and fail when the environment says it is
 * required (SAMBA_REQUIRED=true, as .ci/run sets it).
 */
public record SambaTestDirectory(String url, String base, String username, String password) {

  static final Path STATE = Path.of(System.getenv().getOrDefault("SAMBA_STATE", "/var/tmp/hybrid-onboarding-samba"));

  /**
   * Skips a test class before anything of it starts (its Spring context included) when Samba is
   * absent, or fails it where Samba is required.
   */
  public static final class Present implements org.junit.jupiter.api.extension.ExecutionCondition {
    @Override
    public org.junit.jupiter.api.extension.ConditionEvaluationResult evaluateExecutionCondition(
        org.junit.jupiter.api.extension.ExtensionContext context) {
      try {
        require();
        return org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled("Samba AD DC answers");
      } catch (org.opentest4j.TestAbortedException absent) {
        return org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled(absent.getMessage());
      }
    }
  }

  /**
   * The running domain controller, with the JVM trusting its certificate; or the test is skipped
   * (or failed, where Samba is required).
   */
  public static SambaTestDirectory require() {
    Path file = STATE.resolve("samba.properties");
    boolean required = Boolean.parseBoolean(System.getenv("SAMBA_REQUIRED"));
    if (!Files.isReadable(file)) {
      String message = "No Samba AD DC: " + file + " is missing. Run 'sudo .ci/samba-ad.sh start' to test against one.";
      if (required) {
        throw new IllegalStateException(message + " SAMBA_REQUIRED=true, so this is a failure.");
      }
      LoggerFactory.getLogger(SambaTestDirectory.class).warn("SKIPPED: {}", message);
      Assumptions.abort(message);
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    // LDAPS as in production: the JVM's standard trust store settings.
    System.setProperty("javax.net.ssl.trustStore", properties.getProperty("truststore"));
    System.setProperty("javax.net.ssl.trustStorePassword", properties.getProperty("truststore-password"));
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    return new SambaTestDirectory(properties.getProperty("url"), properties.getProperty("base"),
        properties.getProperty("username"), properties.getProperty("password"));
  }
}

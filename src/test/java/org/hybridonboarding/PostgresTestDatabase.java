package org.hybridonboarding;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.LoggerFactory;

/**
 * A fresh database on the PostgreSQL that {@code .ci/postgres.sh start} runs. Tests that need it
 * skip with a message when it is absent, and fail when the environment says it is required
 * (POSTGRES_REQUIRED=true, as .ci/run sets it).
 */
public record PostgresTestDatabase(String name, String url, String username, String password) implements AutoCloseable {

  private static final String SERVER = env("TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/");
  private static final String USER = env("TEST_POSTGRES_USER", "onboarding_test");
  private static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "onboarding-test");

  /** Creates an empty database named after the test; or the test is skipped (failed, where required). */
  public static PostgresTestDatabase create(String purpose) {
    String name = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String message = "No PostgreSQL at " + SERVER + " for user " + USER + " (" + e.getMessage()
          + "). Run 'sudo .ci/postgres.sh start' to test against one.";
      if (Boolean.parseBoolean(System.getenv("POSTGRES_REQUIRED"))) {
        throw new IllegalStateException(message + " POSTGRES_REQUIRED=true, so this is a failure.", e);
      }
      LoggerFactory.getLogger(PostgresTestDatabase.class).warn("SKIPPED: {}", message);
      Assumptions.abort(message);
    }
    return new PostgresTestDatabase(name, SERVER + name, USER, PASSWORD);
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  /** Drops the database (the nodes using it are stopped by then). */
  @Override
  public void close() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}

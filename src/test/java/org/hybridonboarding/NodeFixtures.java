package org.hybridonboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hybridonboarding.simulation.SharedWorld;

/** What the crash and cluster tests share: how a node is configured, and what they read back from the database. */
final class NodeFixtures {

  private NodeFixtures() {
  }

  /** A node of the demo on PostgreSQL against the shared world, with timings that finish in seconds. */
  static List<String> arguments(SharedWorld world, PostgresTestDatabase database, String hostname) {
    return arguments(world, database.url(), database.username(), database.password(), hostname);
  }

  static List<String> arguments(SharedWorld world, String url, String user, String password, String hostname) {
    List<String> arguments = new ArrayList<>(world.nodeArguments());
    arguments.addAll(List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password,
        "--onboarding.approval.required=false",
        // SharedWorld.MAIL_LIMITS: 120 messages a minute per sender
        "--onboarding.mail.messages-per-minute=120",
        "--onboarding.mail.booked-per-minute=112",
        "--onboarding.replication.poll-interval=PT1S",
        "--onboarding.mailbox.poll-interval=PT1S",
        "--onboarding.jobs.retry-cycle=PT1S,PT2S,PT5S,PT10S",
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        // A dead node's locked jobs are taken over when their lock expires: short here, 5 minutes by default.
        "--camunda.bpm.job-execution.lock-time-in-millis=15000",
        // Written into the job log, so the test can tell which node ran which job.
        "--camunda.bpm.generic-properties.properties.hostname=" + hostname));
    return arguments;
  }

  /** Mail as fast as the nodes go: for measuring the product (with SharedWorld.withoutMailLimits). */
  static final List<String> UNPACED_MAIL = List.of(
      "--onboarding.mail.messages-per-minute=100000000", "--onboarding.mail.booked-per-minute=99999999",
      "--onboarding.mail.recipients-per-day=1000000000", "--onboarding.mail.booked-per-day=1000000000");

  static String request(String employeeId, int index) {
    return request(employeeId, index, "Node");
  }

  /** A hire whose surname is the prefix and letters counting up, so that names do not collide. */
  static String request(String employeeId, int index, String surnamePrefix) {
    return """
        {"employeeId":"%s","givenName":"%s","surname":"%s%s","department":"Finance",
         "managerEmployeeId":"E00001","usageLocation":"DE","startDate":"%s"}"""
        .formatted(employeeId, List.of("Ada", "Ben", "Cleo", "Dan", "Eva").get(index % 5), surnamePrefix, letters(index),
            LocalDate.now().plusDays(3));
  }

  /** A Jane Doe: every namesake has the same name, so only the numbering tells them apart. */
  static String namesake(String employeeId) {
    return """
        {"employeeId":"%s","givenName":"Jane","surname":"Doe","department":"Finance",
         "managerEmployeeId":"E00001","usageLocation":"US","startDate":"%s"}"""
        .formatted(employeeId, LocalDate.now().plusDays(3));
  }

  /** Every account of these hires has a sAMAccountName, UPN and mail of its own. */
  static void assertDistinctNames(SharedWorld world, String prefix, int hires) throws Exception {
    List<List<String>> names = world.accountNamesWithPrefix(prefix);
    assertThat(names).hasSize(hires);
    for (int part = 0; part < 3; part++) {
      int index = part;
      assertThat(names.stream().map(n -> n.get(index).toLowerCase(java.util.Locale.ROOT)).distinct().count())
          .as("distinct " + List.of("sAMAccountNames", "UPNs", "mail addresses").get(part) + " in " + names)
          .isEqualTo(hires);
    }
  }

  /** 0 → a, 25 → z, 26 → ba …: names take letters only. */
  private static String letters(int index) {
    StringBuilder letters = new StringBuilder();
    do {
      letters.insert(0, (char) ('a' + index % 26));
      index /= 26;
    } while (index > 0);
    return letters.toString();
  }

  /** Ended onboardings by their end event, for employeeIds with this prefix. */
  static Map<String, Integer> endStates(PostgresTestDatabase database, String prefix) throws SQLException {
    return grouped(database, "SELECT END_ACT_ID_, COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ? "
        + "AND END_TIME_ IS NOT NULL AND SUPER_PROCESS_INSTANCE_ID_ IS NULL GROUP BY END_ACT_ID_", prefix + "%");
  }

  /** Successful jobs by the node (hostname) that ran them. */
  static Map<String, Integer> jobsPerNode(PostgresTestDatabase database) throws SQLException {
    return grouped(database, "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 GROUP BY HOSTNAME_", null);
  }

  static int count(PostgresTestDatabase database, String sql, String parameter) throws SQLException {
    Map<String, Integer> result = grouped(database, "SELECT 'n', (" + sql + ")", parameter);
    return result.getOrDefault("n", 0);
  }

  private static Map<String, Integer> grouped(PostgresTestDatabase database, String sql, String parameter)
      throws SQLException {
    Map<String, Integer> result = new TreeMap<>();
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          result.put(String.valueOf(rows.getString(1)), rows.getInt(2));
        }
      }
    }
    return result;
  }

  /**
   * Where any of these values occurs: every cell of every table (byte arrays read as UTF-8 and
   * UTF-16) and the logs. The last element is the number of cells read.
   */
  static List<String> whereFound(PostgresTestDatabase database, List<java.nio.file.Path> logs, List<String> secrets)
      throws Exception {
    assertThat(secrets).isNotEmpty().doesNotContain("");
    List<String> found = new ArrayList<>();
    long cells = 0;
    try (Connection connection = database.connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).contains("act_hi_varinst", "act_ge_bytearray", "act_hi_job_log");
      for (String table : tables) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table);
            ResultSet rows = statement.executeQuery()) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              cells++;
              Object value = rows.getObject(column);
              String text = value instanceof byte[] bytes
                  ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) + new String(bytes, java.nio.charset.StandardCharsets.UTF_16)
                  : String.valueOf(value);
              String where = table + "." + rows.getMetaData().getColumnName(column);
              secrets.stream().filter(text::contains).forEach(secret -> found.add(where));
            }
          }
        }
      }
    }
    for (java.nio.file.Path log : logs) {
      String text = java.nio.file.Files.readString(log);
      secrets.stream().filter(text::contains).forEach(secret -> found.add(log.toString()));
    }
    found.add(String.valueOf(cells));
    return found;
  }

  /** Each hire: one onboarding, one AD account, one cloud user holding one licence; no incident anywhere. */
  static void assertEachExactlyOnce(SharedWorld world, PostgresTestDatabase database, List<String> employeeIds)
      throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String id : employeeIds) {
      int onboardings = count(database, "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?", id);
      int accounts = world.adAccounts(id);
      List<Integer> licences = world.cloudLicences(id);
      if (onboardings != 1 || accounts != 1 || !licences.equals(List.of(1))) {
        wrong.add(id + ": " + onboardings + " onboarding(s), " + accounts + " AD account(s), cloud users' licences " + licences);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(count(database, "SELECT COUNT(*) FROM ACT_HI_INCIDENT", null)).as("incidents").isZero();
  }
}

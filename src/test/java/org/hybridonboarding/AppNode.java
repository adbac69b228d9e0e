package org.hybridonboarding;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The application in a JVM of its own (the test's class path), so that a test can kill it with
 * SIGKILL or run two of them against one database. Its output goes to target/nodes/NAME.log.
 */
public final class AppNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AppNode(String name, int port, Process process) {
    this.name = name;
    this.port = port;
    this.process = process;
  }

  /** Starts a node and waits until it answers /actuator/health with UP. */
  public static AppNode start(String name, List<String> jvmOptions, List<String> arguments,
      java.util.Map<String, String> environment) throws Exception {
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "org.hybridonboarding.HybridOnboardingApplication", "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    AppNode node = new AppNode(name, port, process);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!node.healthy()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited with " + process.exitValue() + ": see " + log);
      }
      if (Instant.now().isAfter(deadline)) {
        node.kill();
        throw new IllegalStateException("Node " + name + " did not become healthy within 3 minutes: see " + log);
      }
      Thread.sleep(250);
    }
    return node;
  }

  private boolean healthy() {
    try {
      return get("/actuator/health", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  public HttpResponse<String> get(String path, String user) throws IOException {
    return send(request(path, user).GET().build());
  }

  public HttpResponse<String> post(String path, String user, String json) throws IOException {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return Path.of("target", "nodes", name + ".log");
  }

  public String name() {
    return name;
  }

  /** SIGKILL: no shutdown hook, no graceful stop, in-flight transactions are simply gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

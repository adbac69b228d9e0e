package org.hybridonboarding.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.hybridonboarding.DemoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a PKCS12 key store (server.ssl.*, as prod takes it from the environment) the service answers
 * HTTPS only, and the webapps' session cookie is Secure: a password never crosses in clear.
 */
class TlsIT extends DemoIntegrationTest {

  private static final String PASSWORD = "changeit";

  @DynamicPropertySource
  static void keyStore(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("hybrid-onboarding-tls");
    Path store = dir.resolve("onboarding.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "onboarding", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    registry.add("server.ssl.key-store", store::toString);
    registry.add("server.ssl.key-store-password", () -> PASSWORD);
    registry.add("server.ssl.key-store-type", () -> "PKCS12");
  }

  private static HttpClient trustingClient() throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    // The test's own self-signed certificate: trusted here, and only here.
    ssl.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type) {
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type) {
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    return HttpClient.newBuilder().sslContext(ssl).build();
  }

  @Test
  void answersHttpsWithSecureSessionCookiesAndRefusesPlainHttp() throws Exception {
    HttpClient https = trustingClient();
    HttpResponse<String> page = https.send(HttpRequest.newBuilder(
        URI.create("https://localhost:" + port + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));

    HttpResponse<String> api = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/onboardings/X"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("hr-system:hr-system".getBytes())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);

    HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/onboardings/X")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).as("plain HTTP on the TLS port").isEqualTo(400);
  }
}

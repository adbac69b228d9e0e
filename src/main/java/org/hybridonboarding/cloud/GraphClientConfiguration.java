package org.hybridonboarding.cloud;

import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import com.azure.core.credential.TokenCredential;
import java.net.URI;
import java.util.Optional;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Graph SDK client: RetryHandler for 429/503/504, timeouts, and the credential of the environment. */
@Configuration(proxyBeanMethods = false)
public class GraphClientConfiguration {

  private static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

  @Bean
  public GraphServiceClient graphServiceClient(GraphProperties properties, MeterRegistry meters) {
    RequestOption[] options = {
        new RetryHandlerOption(null, properties.maxRetries(), properties.retryDelay().toSeconds())};
    Counter throttled = Counter.builder("graph.throttled.responses")
        .description("HTTP 429 answers from Microsoft Graph, each retried by the SDK after Retry-After")
        .register(meters);
    Counter mailThrottled = Counter.builder("onboarding.mail.throttled")
        .description("HTTP 429 answers from Exchange Online to a sendMail (a sender over its limits)")
        .register(meters);
    GraphPacer pacer = GraphPacer.forQuota(properties.writesPerWindow(), properties.writeWindow());
    OkHttpClient http = GraphClientFactory.create(options)
        // A network interceptor sees every attempt, also those the RetryHandler repeats.
        .addNetworkInterceptor(chain -> {
          if (!"GET".equals(chain.request().method())) {
            try {
              pacer.awaitWritePermit();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.io.InterruptedIOException("interrupted while pacing writes to Graph");
            }
          }
          Response response = chain.proceed(chain.request());
          if (response.code() == 429) {
            throttled.increment();
            if (chain.request().url().encodedPath().endsWith("/sendMail")) {
              mailThrottled.increment();
            }
          }
          return response;
        })
        .connectTimeout(properties.connectTimeout())
        .readTimeout(properties.readTimeout())
        .build();
    GraphServiceClient graph = new GraphServiceClient(authentication(properties), http);
    graph.getRequestAdapter().setBaseUrl(properties.baseUrl());
    return graph;
  }

  static AuthenticationProvider authentication(GraphProperties properties) {
    String host = URI.create(properties.baseUrl()).getHost();
    Optional<TokenCredential> credential = credential(properties);
    if (credential.isPresent()) {
      return new AzureIdentityAuthenticationProvider(credential.get(), new String[] {host}, GRAPH_SCOPE);
    }
    if (present(properties.staticToken())) {
      return new BaseBearerTokenAuthenticationProvider(new StaticToken(properties.staticToken(), host));
    }
    throw new IllegalStateException("No Microsoft Graph credentials: set onboarding.graph.tenant-id, "
        + "onboarding.graph.client-id and ONBOARDING_GRAPH_CLIENT_SECRET (or onboarding.graph.client-certificate-path) "
        + "in the environment");
  }

  /**
   * The app registration's credential (a certificate, else a client secret), when one is configured:
   * Graph and the Exchange Online admin API take tokens of the same app, for their own audiences.
   */
  public static Optional<TokenCredential> credential(GraphProperties properties) {
    if (present(properties.clientCertificatePath())) {
      require(properties.tenantId(), "onboarding.graph.tenant-id (ONBOARDING_GRAPH_TENANT_ID)");
      require(properties.clientId(), "onboarding.graph.client-id (ONBOARDING_GRAPH_CLIENT_ID)");
      var builder = new ClientCertificateCredentialBuilder()
          .tenantId(properties.tenantId())
          .clientId(properties.clientId());
      String path = properties.clientCertificatePath();
      if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".pfx") || path.toLowerCase(java.util.Locale.ROOT).endsWith(".p12")) {
        builder.pfxCertificate(path).clientCertificatePassword(properties.clientCertificatePassword());
      } else {
        builder.pemCertificate(path);
      }
      return Optional.of(builder.build());
    }
    if (present(properties.clientSecret())) {
      require(properties.tenantId(), "onboarding.graph.tenant-id (ONBOARDING_GRAPH_TENANT_ID)");
      require(properties.clientId(), "onboarding.graph.client-id (ONBOARDING_GRAPH_CLIENT_ID)");
      return Optional.of(new ClientSecretCredentialBuilder()
          .tenantId(properties.tenantId())
          .clientId(properties.clientId())
          .clientSecret(properties.clientSecret())
          .build());
    }
    return Optional.empty();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Microsoft Graph: " + name + " is not set");
    }
  }

  /** A fixed token for the demo's simulated tenant, sent to its host only. */
  private record StaticToken(String token, String host) implements AccessTokenProvider {
    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
      return host.equalsIgnoreCase(uri.getHost()) ? token : "";
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
      return new AllowedHostsValidator(host);
    }

    @Override
    public String toString() {
      return "StaticToken[host=" + host + "]";
    }
  }
}

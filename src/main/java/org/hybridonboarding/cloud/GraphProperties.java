package org.hybridonboarding.cloud;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Microsoft Graph connection ({@code onboarding.graph.*}). Secrets come from the environment
 * (ONBOARDING_GRAPH_CLIENT_SECRET), never from a file in the repository.
 *
 * @param clientCertificatePath a PEM or PFX certificate of the app registration, instead of a secret
 * @param clientCertificatePassword the PFX's password (ONBOARDING_GRAPH_CLIENT_CERTIFICATE_PASSWORD)
 * @param staticToken a fixed bearer token; only for the simulated tenant of the demo
 * @param maxRetries how often the SDK's RetryHandler repeats a 429/503/504 before the job fails
 * @param retryDelay the delay the RetryHandler waits when Graph sends no Retry-After
 * @param writesPerWindow writes (POST, PATCH, DELETE) this node sends per writeWindow at most, spread
 *     evenly: below Graph's 3,000 per 150 s per app and tenant, so a bulk paces itself instead of
 *     running into 429s. With several nodes, give each its share.
 */
@ConfigurationProperties("onboarding.graph")
public record GraphProperties(
    @DefaultValue("https://graph.microsoft.com/v1.0") String baseUrl,
    String tenantId,
    String clientId,
    String clientSecret,
    String clientCertificatePath,
    String clientCertificatePassword,
    String staticToken,
    @DefaultValue("5") int maxRetries,
    @DefaultValue("PT3S") Duration retryDelay,
    @DefaultValue("PT10S") Duration connectTimeout,
    @DefaultValue("PT60S") Duration readTimeout,
    @DefaultValue("2700") int writesPerWindow,
    @DefaultValue("PT150S") Duration writeWindow) {

  @Override
  public String toString() {
    // Never print the secret or the token.
    return "GraphProperties[baseUrl=" + baseUrl + ", tenantId=" + tenantId + ", clientId=" + clientId + "]";
  }
}

package org.hybridonboarding.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Exchange Online admin API ({@code onboarding.exchange.*}); the app registration and its
 * credential are Graph's ({@code onboarding.graph.*}).
 *
 * @param baseUrl up to the tenant id: {baseUrl}/{tenantId}/InvokeCommand
 * @param tokenAudience the scope the app's token is asked for
 * @param staticToken a fixed bearer token; only for the simulated tenant of the demo
 */
@ConfigurationProperties("onboarding.exchange")
public record ExchangeProperties(
    @DefaultValue("https://outlook.office365.com/adminapi/beta") String baseUrl,
    @DefaultValue("https://outlook.office365.com/.default") String tokenAudience,
    String staticToken) {

  @Override
  public String toString() {
    return "ExchangeProperties[baseUrl=" + baseUrl + ", tokenAudience=" + tokenAudience + "]";
  }
}

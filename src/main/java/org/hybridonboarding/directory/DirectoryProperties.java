package org.hybridonboarding.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where accounts go and which domains they get ({@code onboarding.directory.*}). The connection
 * itself is Spring Boot's {@code spring.ldap.*}.
 *
 * @param embedded run the in-memory directory of the demo instead of talking to spring.ldap.urls
 * @param routingDomain the tenant's mail routing domain, e.g. contoso.mail.onmicrosoft.com
 * @param startTls upgrade a plain ldap:// connection with StartTLS (else use ldaps://)
 */
@ConfigurationProperties("onboarding.directory")
public record DirectoryProperties(
    @DefaultValue("true") boolean embedded,
    String usersOu,
    String quarantineOu,
    String upnSuffix,
    String mailDomain,
    String routingDomain,
    @DefaultValue("false") boolean startTls) {
}

package org.hybridonboarding.cloud;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The welcome mail that carries a new hire's Temporary Access Pass to whoever hands it over. */
final class WelcomeMail {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  /** In the person's own time zone, named: the manager may sit in another one. */
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH);

  private WelcomeMail() {
  }

  static String subject(CredentialHandover handover) {
    return "Sign-in details for " + handover.displayName() + ", starting " + DAY.format(handover.startDate());
  }

  /** Every value is HTML-escaped: names and passes may hold &, < or quotes. */
  static String html(CredentialHandover handover, String temporaryAccessPass, int lifetimeMinutes, boolean usableOnce) {
    String validFrom = moment(handover.validFrom(), handover);
    String validUntil = moment(handover.validFrom().plusSeconds(lifetimeMinutes * 60L), handover);
    return """
        <html><body style="font-family:Segoe UI,Arial,sans-serif">
        <p>Hello,</p>
        <p><b>%s</b> starts on <b>%s</b>. Their account is ready:</p>
        <table cellpadding="4">
          <tr><td>Sign-in name</td><td><b>%s</b></td></tr>
          <tr><td>Email address</td><td>%s</td></tr>
          <tr><td>Temporary Access Pass</td><td><b style="font-family:Consolas,monospace;font-size:1.2em">%s</b></td></tr>
          <tr><td>Valid</td><td>from %s until %s%s</td></tr>
        </table>
        <p>Please give the pass to %s in person on their first day. With it they:</p>
        <ol>
          <li>open <a href="https://aka.ms/mysecurityinfo">https://aka.ms/mysecurityinfo</a>,</li>
          <li>sign in with the sign-in name above and enter the Temporary Access Pass when asked for it,</li>
          <li>add Microsoft Authenticator or a passkey, and choose their own password.</li>
        </ol>
        <p>Do not forward this mail. If the pass has expired, the helpdesk can issue a new one.</p>
        </body></html>
        """.formatted(
        esc(handover.displayName()), esc(DAY.format(handover.startDate())), esc(handover.userPrincipalName()),
        esc(handover.mail()), esc(temporaryAccessPass), esc(validFrom), esc(validUntil),
        usableOnce ? " (one sign-in only)" : "", esc(handover.displayName()));
  }

  private static String moment(java.time.Instant instant, CredentialHandover handover) {
    return MOMENT.format(instant.atZone(handover.timeZone())) + " (" + handover.timeZone().getId() + ")";
  }

  private static String esc(String value) {
    return HtmlUtils.htmlEscape(value == null ? "" : value);
  }
}

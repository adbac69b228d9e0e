package org.hybridonboarding.cloud;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What goes out by mail: the Temporary Access Pass to whoever hands it over, and notices. */
final class GraphMail {

  private static final Logger log = LoggerFactory.getLogger(GraphMail.class);

  private final GraphServiceClient graph;
  private final GraphUsers users;
  private final HandoverProperties handover;
  private final MailSlots slots;

  GraphMail(GraphServiceClient graph, GraphUsers users, HandoverProperties handover, MailSlots slots) {
    this.graph = graph;
    this.users = users;
    this.handover = handover;
    this.slots = slots;
  }

  String handOver(CredentialHandover credentials) {
    String recipient = Optional.ofNullable(credentials.managerMail())
        .or(() -> users.managerMail(credentials.managerToLookUp()))
        .orElse(handover.helpdeskAddress());
    if (recipient == null || recipient.isBlank()) {
      throw new IllegalStateException("The new hire has no manager with a mailbox and "
          + "onboarding.credentials.helpdesk-address is not set");
    }
    int lifetime = (int) handover.tapLifetime().toMinutes();
    TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
    request.setStartDateTime(credentials.validFrom().atOffset(ZoneOffset.UTC));
    request.setLifetimeInMinutes(lifetime);
    request.setIsUsableOnce(handover.tapUsableOnce());
    TemporaryAccessPassAuthenticationMethod created;
    try {
      created = graph.users().byUserId(credentials.userId()).authentication().temporaryAccessPassMethods().post(request);
    } catch (ODataError error) {
      if (error.getResponseStatusCode() == 400 || error.getResponseStatusCode() == 403) {
        throw new CloudException(CloudException.Code.TAP_FAILED, "Entra ID refused a Temporary Access Pass for "
            + credentials.userPrincipalName() + ": Graph " + error.getResponseStatusCode() + " "
            + (error.getError() == null ? "" : error.getError().getCode() + ": " + error.getError().getMessage()));
      }
      throw error;
    }
    // A welcome mail took its booked slot; one handed over again (a reinstated leaver) goes now.
    String sender = credentials.sender() != null ? credentials.sender() : slots.sendNow(1);
    send(sender, List.of(recipient), WelcomeMail.subject(credentials),
        WelcomeMail.html(credentials, created.getTemporaryAccessPass(), lifetime, handover.tapUsableOnce()));
    log.info("Mailed a Temporary Access Pass for {} to {} from {}", credentials.userPrincipalName(), recipient, sender);
    return recipient;
  }

  /** A notice: from the first sender of the pool with room under Exchange Online's sending limits. */
  void send(List<String> to, String subject, String html) {
    send(slots.sendNow(to.size()), to, subject, html);
  }

  private void send(String sender, List<String> to, String subject, String html) {
    Message mail = new Message();
    mail.setSubject(subject);
    ItemBody body = new ItemBody();
    body.setContentType(BodyType.Html);
    body.setContent(html);
    mail.setBody(body);
    mail.setToRecipients(to.stream().map(GraphMail::recipient).toList());
    SendMailPostRequestBody send = new SendMailPostRequestBody();
    send.setMessage(mail);
    send.setSaveToSentItems(false);
    graph.users().byUserId(sender).sendMail().post(send);
  }

  private static Recipient recipient(String to) {
    EmailAddress address = new EmailAddress();
    address.setAddress(to);
    Recipient recipient = new Recipient();
    recipient.setEmailAddress(address);
    return recipient;
  }
}

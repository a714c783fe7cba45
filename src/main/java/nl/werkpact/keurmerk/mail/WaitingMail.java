package nl.werkpact.keurmerk.mail;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

/**
 * Who is told that an e-mail waits for a person: the one who can fix its address (the employer's accountmanager, by a
 * notice queued in the transaction that records it) and Cockpit (an incident on the e-mail's process instance).
 */
public final class WaitingMail {

  private final CorrespondenceRepository correspondence;
  private final MailTemplates templates;
  private final MailWatchers watchers;
  private final MailIncidents incidents;

  public WaitingMail(
      CorrespondenceRepository correspondence,
      MailTemplates templates,
      MailWatchers watchers,
      MailIncidents incidents) {
    this.correspondence = correspondence;
    this.templates = templates;
    this.watchers = watchers;
    this.incidents = incidents;
  }

  /** Queues a notice to whoever can fix the address; in the transaction that records the e-mail's outcome. */
  void tellWatchers(Correspondence mail, String what, OffsetDateTime now, OffsetDateTime due) {
    if (MailWatchers.NOTICE_TEMPLATE.equals(mail.template())) {
      return; // a notice that does not arrive is on the list of Beheer, E-mail; no notice about a
      // notice
    }
    watchers
        .forMail(mail)
        .filter(w -> !w.email().equalsIgnoreCase(mail.recipient()))
        .ifPresent(
            watcher -> {
              var request =
                  new MailRequest(
                      MailWatchers.NOTICE_TEMPLATE,
                      watcher.email(),
                      Map.of(
                          "employerName",
                          watcher.employerName(),
                          "recipient",
                          mail.recipient(),
                          "subject",
                          mail.subject(),
                          "what",
                          what,
                          "mailId",
                          mail.id(),
                          "pageUrl",
                          watcher.pageUrl()),
                      mail.concernsType(),
                      mail.concernsId(),
                      null,
                      MailWatchers.NOTICE_TEMPLATE + ":" + mail.id() + ":" + (mail.attempts() + 1));
              if (correspondence.findIdByDedupKey(request.dedupKey()).isEmpty()) {
                correspondence.insert(
                    request, templates.render(request.template(), request.model()), now, due);
              }
            });
  }

  /** After the outcome is recorded: Cockpit shows the e-mail as an incident. */
  void showInCockpit(Correspondence mail, String what) {
    incidents.waiting(mail, what);
  }

  void noLongerWaiting(Collection<Long> ids) {
    incidents.noLongerWaiting(ids);
  }
}

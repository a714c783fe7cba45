package nl.werkpact.keurmerk.mail;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.common.ForbiddenException;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.StaffNames;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /beheer/e-mail}: the e-mails that did not go out and wait for a person (refused for good, or failed on every
 * retry), each with its history. An accountmanager, procesbeheerder or admin sends one again, to a corrected address
 * or the same one, closes it with a reason, or puts them all back in the queue after the mail server was repaired.
 */
@Controller
class MailPageController {

  static final String PATH = "/beheer/e-mail";
  private static final int SHOWN = 200;
  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

  private final MailOutbox outbox;
  private final StaffPages staffPages;
  private final StaffNames staffNames;

  MailPageController(MailOutbox outbox, StaffPages staffPages, StaffNames staffNames) {
    this.outbox = outbox;
    this.staffPages = staffPages;
    this.staffNames = staffNames;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> mailPageSecurityHeaders() {
    return PageHeaders.on("mail-page-security-headers", "no-store", PATH, PATH + "/*");
  }

  /** One e-mail on the page, with its dates the Dutch way. */
  record Row(
      long id,
      String created,
      String recipient,
      String subject,
      String state,
      String error,
      List<Step> history) {}

  record Step(String at, String kind, String actor, String detail) {}

  @GetMapping(PATH)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    return render(request, model, null, null);
  }

  @PostMapping(PATH + "/{id}/opnieuw")
  String resend(
      @PathVariable("id") long id,
      @RequestParam(name = "adres", required = false) String address,
      @RequestParam(name = "opslaan", required = false) String save,
      @RequestParam(name = "opslaanGevraagd", required = false) String saveAsked,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        user ->
            // The page's form asks (checkbox "Adres ook opslaan bij de werkgever"); a form without
            // the question saves, as before.
            switch (outbox.resend(
                id,
                address,
                saveAsked == null || save != null,
                user,
                staffPages.isAdmin(request))) {
              case SENT -> "E-mail " + id + " is verzonden.";
              case UNDELIVERABLE ->
                  "De mailserver weigert e-mail " + id + " opnieuw; controleer het adres.";
              default ->
                  "E-mail "
                      + id
                      + " kon nu niet verzonden worden; hij wordt straks opnieuw geprobeerd.";
            });
  }

  @PostMapping(PATH + "/{id}/afsluiten")
  String close(
      @PathVariable("id") long id,
      @RequestParam(name = "reden", required = false) String reason,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        user -> {
          outbox.close(id, reason, user, staffPages.isAdmin(request));
          return "E-mail " + id + " is afgesloten.";
        });
  }

  @PostMapping(PATH + "/alles-opnieuw")
  String resendAll(
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        user -> {
          int count = outbox.resendAll(user);
          return count == 1
              ? "1 e-mail staat weer in de wachtrij."
              : count + " e-mails staan weer in de wachtrij.";
        });
  }

  @PostMapping(PATH + "/wachtende-nu")
  String retryWaitingNow(
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return act(
        request,
        response,
        model,
        token,
        user -> {
          int count = outbox.retryWaitingNow(user);
          return count == 1
              ? "1 e-mail wordt nu opnieuw geprobeerd."
              : count + " e-mails worden nu opnieuw geprobeerd.";
        });
  }

  /**
   * A posted form: only for whoever may fix e-mail, with this session's token; the action gets the caller's id and
   * answers what it did, or is refused in Dutch (400) with the page as it stands.
   */
  private String act(
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      String token,
      Function<String, String> action) {
    Optional<String> refusal =
        staffPages.refusalOfForm(request, response, token, "pagina E-mail die wacht");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    try {
      return render(request, model, action.apply(staffPages.callerId(request)), null);
    } catch (InvalidRequestException e) {
      response.setStatus(e instanceof ForbiddenException ? 403 : 400);
      return render(request, model, null, String.join(" ", e.problems()));
    }
  }

  private String render(HttpServletRequest request, Model model, String done, String problem) {
    List<Correspondence> waiting = outbox.needingAPerson(SHOWN);
    var histories = outbox.histories(waiting.stream().map(Correspondence::id).toList());
    var names =
        staffNames.of(
            histories.values().stream()
                .flatMap(List::stream)
                .map(CorrespondenceEvent::actor)
                .toList());
    List<Row> rows =
        waiting.stream()
            .map(mail -> row(mail, histories.getOrDefault(mail.id(), List.of()), names))
            .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("total", outbox.countNeedingAPerson());
    model.addAttribute("shown", SHOWN);
    model.addAttribute("queued", outbox.countInQueue());
    model.addAttribute("waitingForRetry", outbox.countWaitingForRetry());
    model.addAttribute("admin", staffPages.isAdmin(request));
    model.addAttribute("done", done);
    model.addAttribute("problem", problem);
    model.addAttribute("token", staffPages.formToken(request));
    return "mail/waiting";
  }

  private Row row(Correspondence mail, List<CorrespondenceEvent> events, StaffNames.Known names) {
    String state =
        mail.status() == CorrespondenceStatus.UNDELIVERABLE
            ? "Geweigerd door de mailserver"
            : "Niet verzonden na "
                + mail.attempts()
                + (mail.attempts() == 1 ? " poging" : " pogingen");
    List<Step> history =
        events.stream()
            .map(
                e ->
                    new Step(
                        DUTCH.format(e.occurredAt().atZoneSameInstant(Dates.AMSTERDAM)),
                        kind(e.kind()),
                        names.of(e.actor()),
                        e.detail() == null ? "" : e.detail()))
            .toList();
    return new Row(
        mail.id(),
        DUTCH.format(mail.createdAt().atZoneSameInstant(Dates.AMSTERDAM)),
        mail.recipient(),
        mail.subject(),
        state,
        mail.lastError() == null ? "" : mail.lastError(),
        history);
  }

  private static String kind(String kind) {
    return CorrespondenceStatus.eventLabel(kind);
  }
}

package nl.werkpact.keurmerk.golive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.StaffPages;
import nl.werkpact.keurmerk.models.RegionOnboarding;
import nl.werkpact.keurmerk.region.RegionLogos;
import nl.werkpact.keurmerk.region.Regions;
import nl.werkpact.keurmerk.web.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /beheer/regios}, for admins: the regions of this installation, and a new one without a code change (name,
 * number prefix, municipalities, sender and desk, and the region whose models it starts with). Its staff are then
 * made members of it in Camunda Admin (tenant), its employers come with the go-live import into it.
 */
@Controller
class RegionPageController {

  static final String PATH = "/beheer/regios";

  private final RegionOnboarding onboarding;
  private final Regions regions;
  private final RegionLogos logos;
  private final StaffPages staffPages;

  RegionPageController(
      RegionOnboarding onboarding, Regions regions, RegionLogos logos, StaffPages staffPages) {
    this.onboarding = onboarding;
    this.regions = regions;
    this.logos = logos;
    this.staffPages = staffPages;
  }

  @Bean
  static FilterRegistrationBean<PageHeaders> regionPageSecurityHeaders() {
    return PageHeaders.on("region-page-security-headers", "no-store", PATH, PATH + "/*");
  }

  @GetMapping(PATH)
  String page(
      @RequestParam(name = "nieuw", required = false) String made,
      @RequestParam(name = "logo", required = false) String logoOf,
      HttpServletRequest request,
      Model model) {
    if (logoOf != null && regions.find(logoOf).isPresent()) {
      var region = regions.get(logoOf);
      model.addAttribute(
          "done",
          region.hasLogo()
              ? "Het logo van "
                  + region.name()
                  + " staat nu op haar pagina's, certificaten en e-mails."
              : region.name() + " heeft geen logo meer.");
      return render(request, model, null, new String[10]);
    }
    model.addAttribute(
        "done",
        made == null
            ? null
            : regions
                .find(made)
                .map(
                    r ->
                        "Regio "
                            + r.name()
                            + " is gemaakt, met haar eigen kopie van de modellen. Maak nu de medewerkers lid"
                            + " van tenant "
                            + r.code()
                            + " in Camunda Admin en voer de werkgevers in met de import.")
                .orElse(null));
    return render(request, model, null, new String[10]);
  }

  @PostMapping(PATH)
  String create(
      @RequestParam(name = "code", required = false) String code,
      @RequestParam(name = "naam", required = false) String name,
      @RequestParam(name = "voorvoegsel", required = false) String prefix,
      @RequestParam(name = "gemeenten", required = false) String municipalities,
      @RequestParam(name = "afzender", required = false) String mailFrom,
      @RequestParam(name = "loket", required = false) String deskName,
      @RequestParam(name = "telefoon", required = false) String deskPhone,
      @RequestParam(name = "email", required = false) String deskEmail,
      @RequestParam(name = "sjabloon", required = false) String template,
      @RequestParam(name = "netwerk", required = false) String network,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<String> refusal = staffPages.refusalOfForm(request, response, token, "pagina Regio's");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    String[] typed = {
      code,
      name,
      prefix,
      municipalities,
      mailFrom,
      deskName,
      deskPhone,
      deskEmail,
      template,
      network
    };
    try {
      var made =
          onboarding.create(
              new RegionOnboarding.NewRegion(
                  code,
                  name,
                  prefix,
                  municipalities == null
                      ? java.util.List.of()
                      : Arrays.stream(municipalities.split("[,;\\n]")).toList(),
                  mailFrom,
                  deskName,
                  deskPhone,
                  deskEmail,
                  null,
                  network),
              template == null || template.isBlank() ? regions.firstCode() : template.strip());
      return "redirect:" + PATH + "?nieuw=" + made.code();
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return render(request, model, String.join(" ", e.problems()), typed);
    }
  }

  /** A region's logo, uploaded (a PNG, checked and written again) or taken away ({@code weghalen}). */
  @PostMapping(PATH + "/{code}/logo")
  String logo(
      @PathVariable("code") String code,
      @RequestParam(name = "logo", required = false) MultipartFile logo,
      @RequestParam(name = "weghalen", required = false) String remove,
      @RequestParam(name = "token", required = false) String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws java.io.IOException {
    Optional<String> refusal = staffPages.refusalOfForm(request, response, token, "pagina Regio's");
    if (refusal.isPresent()) {
      return refusal.get();
    }
    var region = regions.find(code);
    if (region.isEmpty()) {
      response.setStatus(404);
      return render(request, model, "Er is geen regio " + code + ".", new String[10]);
    }
    try {
      if (remove != null) {
        logos.remove(code);
      } else {
        logos.store(code, logo == null ? null : logo.getBytes());
      }
    } catch (InvalidRequestException e) {
      response.setStatus(400);
      return render(
          request,
          model,
          "Logo van " + region.get().name() + ": " + String.join(" ", e.problems()),
          new String[10]);
    }
    return "redirect:" + PATH + "?logo=" + code;
  }

  private String render(HttpServletRequest request, Model model, String problem, String[] typed) {
    model.addAttribute("regions", regions.all());
    model.addAttribute("firstCode", regions.firstCode());
    model.addAttribute("problem", problem);
    model.addAttribute("typed", typed);
    model.addAttribute("token", staffPages.formToken(request));
    return "golive/regions";
  }
}

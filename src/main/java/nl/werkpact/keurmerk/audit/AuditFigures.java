package nl.werkpact.keurmerk.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import nl.werkpact.keurmerk.common.Checks;

/**
 * What the auditor counted over the assessed period. Aggregates only: no personal data of the people
 * from the target group. The social return beyond the five figures is in {@link SocialReturn}.
 */
public record AuditFigures(
    Integer workforceSize,
    Integer targetGroupEmployees,
    Integer extraWorkplaces,
    Integer workExperiencePlaces,
    BigDecimal socialPurchasingEuros,
    String findings,
    SocialReturn socialReturn) {

  public AuditFigures {
    socialReturn = socialReturn == null ? SocialReturn.NONE : socialReturn;
  }

  /** Beyond this a figure is a typing error, not an employer in this region. */
  public static final int MAX_WORKFORCE = 500_000;

  public static final BigDecimal MAX_SOCIAL_PURCHASING = new BigDecimal("100000000");

  /** Every problem, in Dutch; throws {@code InvalidRequestException} if there is any. */
  public void validate() {
    check(true);
  }

  /**
   * The figures alone, as an employer's self-scan types them: no findings and no workshop's name asked; throws {@code
   * InvalidRequestException} with every problem.
   */
  public void validateFigures() {
    check(false);
  }

  private void check(boolean audit) {
    var checks =
        new Checks()
            .that(workforceSize != null, "Totaal aantal medewerkers is verplicht.")
            .that(targetGroupEmployees != null, "Medewerkers uit de doelgroep is verplicht.")
            .that(extraWorkplaces != null, "Extra werkplekken voor de doelgroep is verplicht.")
            .that(workExperiencePlaces != null, "Werkervaringsplaatsen en stages is verplicht.")
            .that(
                socialPurchasingEuros != null,
                "Inkoop bij sociale werkbedrijven is verplicht (vul 0 in als er niets is ingekocht).");
    if (audit) {
      checks.required("Bevindingen", findings, 4000);
    }
    if (workforceSize != null) {
      checks
          .that(workforceSize >= 1, "Totaal aantal medewerkers moet ten minste 1 zijn.")
          .that(
              workforceSize <= MAX_WORKFORCE,
              "Totaal aantal medewerkers is onwaarschijnlijk groot (meer dan 500.000).");
    }
    nonNegative(checks, targetGroupEmployees, "Medewerkers uit de doelgroep");
    nonNegative(checks, extraWorkplaces, "Extra werkplekken voor de doelgroep");
    nonNegative(checks, workExperiencePlaces, "Werkervaringsplaatsen en stages");
    if (workforceSize != null && targetGroupEmployees != null) {
      checks.that(
          targetGroupEmployees <= workforceSize,
          "Medewerkers uit de doelgroep kan niet meer zijn dan het totaal aantal medewerkers.");
    }
    if (workforceSize != null && extraWorkplaces != null && workExperiencePlaces != null) {
      checks.that(
          extraWorkplaces <= MAX_WORKFORCE && workExperiencePlaces <= MAX_WORKFORCE,
          "Aantallen zijn onwaarschijnlijk groot (meer dan 500.000).");
    }
    if (socialPurchasingEuros != null) {
      checks
          .that(
              socialPurchasingEuros.signum() >= 0,
              "Inkoop bij sociale werkbedrijven mag niet negatief zijn.")
          .that(
              socialPurchasingEuros.compareTo(MAX_SOCIAL_PURCHASING) <= 0,
              "Inkoop bij sociale werkbedrijven is onwaarschijnlijk groot (meer dan 100 miljoen euro).")
          .that(
              socialPurchasingEuros.scale() <= 2
                  || socialPurchasingEuros.stripTrailingZeros().scale() <= 2,
              "Inkoop bij sociale werkbedrijven heeft hoogstens twee decimalen.");
    }
    socialReturn.check(
        checks,
        audit && socialPurchasingEuros != null && socialPurchasingEuros.signum() > 0,
        workExperiencePlaces);
    checks.throwIfAny();
  }

  private static void nonNegative(Checks checks, Integer value, String label) {
    if (value != null) {
      checks.that(value >= 0, label + " mag niet negatief zijn.");
    }
  }

  /** Share of the workforce from the target group, in percent, two decimals (4.99 stays below 5). */
  public BigDecimal targetGroupSharePercent() {
    return BigDecimal.valueOf(targetGroupEmployees)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(workforceSize), 2, RoundingMode.DOWN);
  }
}

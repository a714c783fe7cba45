package nl.werkpact.keurmerk.audit;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import nl.werkpact.keurmerk.common.Checks;

/**
 * What the employer did for social return beyond the five audit figures, as the keurmerkhouders in the seeds do it:
 * contracts and moves on, trainings, internships and snuffelstages, lessons given at schools, purchases from a social
 * workshop, placements via the Werkgeversservicepunt. Counts and the workshop's name only, never a person.
 *
 * <p>One {@link Count} is one form field (its {@link Count#variable()}), one column of {@code audit}, one input a
 * criteria table may read and one line in the dossier and the dashboard. A count left empty in the form is 0.
 *
 * @param socialWorkshops which social workshop(s) the purchases in euro were made from; required when there are any
 */
public record SocialReturn(Map<Count, Integer> counts, String socialWorkshops) {

  public enum Count {
    PERMANENT_CONTRACTS(
        "permanentContracts",
        "permanent_contracts",
        "Vaste contracten voor de doelgroep",
        "vaste contracten"),
    MOVED_ON(
        "movedOnToOtherEmployer",
        "moved_on",
        "Doorgestroomd naar een andere werkgever",
        "doorgestroomd"),
    TRAININGS_STARTED(
        "trainingsStarted",
        "trainings_started",
        "Opleidingstrajecten gestart",
        "opleidingen gestart"),
    TRAININGS_FINISHED(
        "trainingsFinished",
        "trainings_finished",
        "Opleidingstrajecten afgerond",
        "opleidingen afgerond"),
    INTERNSHIPS(
        "internships",
        "internships",
        "Waarvan stages (deel van de werkervaringsplaatsen en stages)",
        "stages"),
    SNUFFELSTAGES("snuffelstages", "snuffelstages", "Snuffelstages", "snuffelstages"),
    LESSONS_GIVEN(
        "lessonsGiven",
        "lessons_given",
        "Gastlessen, trainingen en workshops gegeven",
        "gastlessen en workshops"),
    WSP_PLACEMENTS(
        "wspPlacements",
        "wsp_placements",
        "Plaatsingen via het Werkgeversservicepunt",
        "plaatsingen via het WSP");

    private final String variable;
    private final String column;
    private final String label;
    private final String shortLabel;

    Count(String variable, String column, String label, String shortLabel) {
      this.variable = variable;
      this.column = column;
      this.label = label;
      this.shortLabel = shortLabel;
    }

    /** The form field, process variable and criteria-table input. */
    public String variable() {
      return variable;
    }

    /** The column of {@code audit}. */
    public String column() {
      return column;
    }

    public String label() {
      return label;
    }

    /** In a running sentence: "3 vaste contracten". */
    public String shortLabel() {
      return shortLabel;
    }
  }

  /** The form field and process variable for {@link #socialWorkshops()}. */
  public static final String SOCIAL_WORKSHOPS = "socialWorkshops";

  public static final String SOCIAL_WORKSHOPS_LABEL = "Bij welk sociaal werkbedrijf ingekocht";

  public static final int MAX_WORKSHOPS_LENGTH = 300;

  /** Nothing recorded: every count 0 (tests and audits that had no activities). */
  public static final SocialReturn NONE = new SocialReturn(Map.of(), null);

  public SocialReturn {
    var all = new EnumMap<Count, Integer>(Count.class);
    for (Count count : Count.values()) {
      Integer value = counts.get(count);
      all.put(count, value == null ? 0 : value);
    }
    counts = Collections.unmodifiableMap(all);
    socialWorkshops =
        socialWorkshops == null || socialWorkshops.isBlank() ? null : socialWorkshops.strip();
  }

  /**
   * From a row with the {@code audit} columns, read by name; null when the counts were never recorded (an audit from
   * before they existed, or an imported award).
   */
  public static SocialReturn fromColumns(Function<String, Object> column) {
    Map<Count, Integer> counts = new EnumMap<>(Count.class);
    for (Count count : Count.values()) {
      if (!(column.apply(count.column()) instanceof Number value)) {
        return null;
      }
      counts.put(count, value.intValue());
    }
    Object workshops = column.apply("social_workshops");
    return new SocialReturn(counts, workshops == null ? null : workshops.toString());
  }

  public int count(Count count) {
    return counts.get(count);
  }

  /** Checks in Dutch, added to the audit figures' checks. */
  void check(Checks checks, boolean purchased, Integer workExperiencePlaces) {
    for (Count count : Count.values()) {
      int value = count(count);
      checks
          .that(value >= 0, count.label() + " mag niet negatief zijn.")
          .that(
              value <= AuditFigures.MAX_WORKFORCE,
              count.label() + " is onwaarschijnlijk groot (meer dan 500.000).");
    }
    checks.that(
        workExperiencePlaces == null || count(Count.INTERNSHIPS) <= workExperiencePlaces,
        "Stages kan niet meer zijn dan werkervaringsplaatsen en stages samen.");
    checks.optional(SOCIAL_WORKSHOPS_LABEL, socialWorkshops, MAX_WORKSHOPS_LENGTH);
    checks.that(
        !purchased || socialWorkshops != null,
        "Vul in bij welk sociaal werkbedrijf is ingekocht (of zet de inkoop op 0).");
  }

  /** "3 vaste contracten, 8 opleidingen afgerond; ingekocht bij Pameijer", or "geen" when all is 0. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    for (Count count : Count.values()) {
      if (count(count) > 0) {
        parts.add(dutch(count(count)) + " " + count.shortLabel());
      }
    }
    String text = parts.isEmpty() ? "geen" : String.join(", ", parts);
    return socialWorkshops == null ? text : text + "; ingekocht bij " + socialWorkshops;
  }

  /** Per count "label: value", one per line, then the workshop: for the committee's form. */
  public String lines() {
    List<String> lines = new ArrayList<>();
    for (Count count : Count.values()) {
      lines.add(count.label() + ": " + dutch(count(count)));
    }
    lines.add(SOCIAL_WORKSHOPS_LABEL + ": " + (socialWorkshops == null ? "-" : socialWorkshops));
    return String.join("\n", lines);
  }

  /** 1.015 for one thousand and fifteen, as a Dutch reader reads it. */
  private static String dutch(int value) {
    return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl-NL")).format(value);
  }
}

package nl.werkpact.keurmerk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem with a piece of input, so the user sees all of them at once, in Dutch. */
public final class Checks {

  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}$");

  /** Names, addresses and such are one line; notes, findings and reasons may hold line breaks. */
  private static final int MAX_SINGLE_LINE = 300;

  private final List<String> problems = new ArrayList<>();

  /** A required text; one line unless {@code maxLength} is that of a longer text (above 300). */
  public Checks required(String label, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.add(label + " is verplicht.");
    } else {
      optional(label, value, maxLength);
    }
    return this;
  }

  public Checks optional(String label, String value, int maxLength) {
    if (value != null && value.strip().length() > maxLength) {
      problems.add(label + " mag hoogstens " + maxLength + " tekens lang zijn.");
    }
    if (value != null && Texts.hasForbiddenCharacters(value, maxLength > MAX_SINGLE_LINE)) {
      problems.add(Texts.refusal(label));
    }
    return this;
  }

  public Checks email(String label, String value) {
    if (value != null
        && !value.isBlank()
        && (value.strip().length() > 254 || !EMAIL.matcher(value.strip()).matches())) {
      problems.add(label + " is geen geldig e-mailadres.");
    }
    return this;
  }

  public Checks that(boolean condition, String problem) {
    if (!condition) {
      problems.add(problem);
    }
    return this;
  }

  /** Throws {@link InvalidRequestException} listing every problem found, if any. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  public static String trimmed(String value) {
    return value == null ? null : value.strip();
  }
}

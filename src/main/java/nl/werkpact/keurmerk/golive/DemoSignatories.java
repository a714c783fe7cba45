package nl.werkpact.keurmerk.golive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The local demo's go-live file ({@code demo/werkgevers.csv}): about fifty signatories in Maassluis, Vlaardingen and
 * Schiedam, 39 with a keurmerk of which 36 still run, as the Werkpact in the news. Its dates were written as they stood
 * on {@link #WRITTEN_ON}; they are moved forward by the days since, so the demo looks the same whenever it first starts
 * (the same keurmerken current, the same reminders ahead).
 */
public final class DemoSignatories {

  /** The day the file's dates describe. */
  static final LocalDate WRITTEN_ON = LocalDate.of(2026, 11, 25);

  private static final Pattern DATE = Pattern.compile("\\b(\\d{2}-\\d{2}-\\d{4})\\b");
  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-uuuu");

  private DemoSignatories() {}

  /** The file with its dates as they would stand {@code today}. */
  public static String asOf(LocalDate today) {
    String text;
    try (var in = new ClassPathResource("demo/werkgevers.csv").getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long days = Math.max(0, ChronoUnit.DAYS.between(WRITTEN_ON, today));
    return DATE.matcher(text)
        .replaceAll(match -> LocalDate.parse(match.group(1), DUTCH).plusDays(days).format(DUTCH));
  }
}

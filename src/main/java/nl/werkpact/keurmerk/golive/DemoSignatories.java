package nl.werkpact.keurmerk.golive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The local demo's go-live file ({@code demo/werkgevers.csv}): about fifty signatories in Maassluis, Vlaardingen and
 * Schiedam, 39 with a keurmerk of which 36 still run, as the Werkpact in the news. The convenants keep the dates they
 * were signed on (the 36 holders of today signed in 2018 and 2019, so with their earlier periods, which the demo adds,
 * they are the 36 holders of December 2021). The keurmerk dates were written as they stood on {@link #WRITTEN_ON}; they
 * are moved forward by the days since, so the demo looks the same whenever it first starts (the same keurmerken
 * current, the same reminders ahead).
 */
public final class DemoSignatories {

  /** The day the file's dates describe. */
  static final LocalDate WRITTEN_ON = LocalDate.of(2026, 11, 25);

  private static final Pattern DATE = Pattern.compile("\\d{2}-\\d{2}-\\d{4}");

  /** The columns whose dates move: keurmerk geldig vanaf, lidmaatschap tot en met. */
  private static final int[] MOVED_COLUMNS = {10, 11};

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
    List<String> moved = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String[] fields = line.split(";", -1);
      for (int column : MOVED_COLUMNS) {
        if (column < fields.length && DATE.matcher(fields[column]).matches()) {
          fields[column] = LocalDate.parse(fields[column], DUTCH).plusDays(days).format(DUTCH);
        }
      }
      moved.add(String.join(";", fields));
    }
    return String.join("\n", moved);
  }
}

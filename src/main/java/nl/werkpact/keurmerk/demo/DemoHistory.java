package nl.werkpact.keurmerk.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.werkpact.keurmerk.audit.AuditService;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.keurmerk.KeurmerkService;
import org.springframework.stereotype.Component;

/**
 * The demo's years: the go-live file holds each holder's current keurmerk only; before it, a holder had earlier
 * periods of two years each, back to the first one after its signature (plus the three months an audit takes). They
 * are added as renewed keurmerken, so the dashboard's past years show the Werkpact of the news (36 holders at the end
 * of 2021) and a dossier shows the keurmerken an employer held.
 */
@Component
class DemoHistory {

  private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("dd-MM-uuuu");
  static final int SIGNED_ON = 6;
  static final int ACCOUNTMANAGER = 8;
  static final int NUMBER = 9;
  static final int VALID_FROM = 10;

  private final EmployerService employers;
  private final AuditService audits;
  private final KeurmerkService keurmerken;

  DemoHistory(EmployerService employers, AuditService audits, KeurmerkService keurmerken) {
    this.employers = employers;
    this.audits = audits;
    this.keurmerken = keurmerken;
  }

  /** The earlier periods of the holders of the file (as the import read it); answers how many. */
  int addEarlierPeriods(String goLiveFile) {
    Set<String> issued = new HashSet<>(keurmerken.issuedNumbers());
    Map<Integer, Integer> next = new HashMap<>();
    int added = 0;
    List<String> lines = goLiveFile.lines().skip(1).toList();
    for (String line : lines) {
      String[] fields = line.split(";", -1);
      if (fields.length <= VALID_FROM || fields[NUMBER].isBlank()) {
        continue;
      }
      var employer = employers.findByKvkNumber(fields[1].strip());
      if (employer.isEmpty()) {
        continue;
      }
      LocalDate signed = LocalDate.parse(fields[SIGNED_ON].strip(), DUTCH);
      LocalDate current = LocalDate.parse(fields[VALID_FROM].strip(), DUTCH);
      List<LocalDate> starts = new ArrayList<>();
      for (LocalDate start = current.minusYears(2);
          !start.isBefore(signed.plusMonths(3));
          start = start.minusYears(2)) {
        starts.add(0, start);
      }
      for (LocalDate start : starts) {
        String number = nextNumber(start.getYear(), issued, next);
        long auditId =
            audits.importAward(
                employer.get().id(),
                fields[ACCOUNTMANAGER].strip(),
                start,
                new AuditService.ImportedFigures(null, null, null));
        keurmerken.importEarlierPeriod(employer.get().id(), auditId, number, start);
        added++;
      }
    }
    keurmerken.reserveImportedNumbers(issued);
    return added;
  }

  private static String nextNumber(int year, Set<String> issued, Map<Integer, Integer> next) {
    for (int n = next.getOrDefault(year, 1); ; n++) {
      String number = String.format("SW-%d-%04d", year, n);
      if (issued.add(number)) {
        next.put(year, n + 1);
        return number;
      }
    }
  }
}

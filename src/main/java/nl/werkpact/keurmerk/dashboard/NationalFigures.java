package nl.werkpact.keurmerk.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Figures;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.Selection;
import nl.werkpact.keurmerk.dashboard.WerkpactFigures.YearRow;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.stereotype.Component;

/**
 * The national view: each region's key figures side by side, each computed in that region's own scope (so a row
 * holds exactly what the region's own dashboard shows), with the country's total under them.
 */
@Component
class NationalFigures {

  /** One region's row; {@code code} is null for the total. */
  record RegionRow(
      String code,
      String name,
      long signedConvenants,
      long holders,
      long awarded,
      long rejected,
      long extraWorkplaces,
      long workExperiencePlaces,
      BigDecimal socialPurchasing) {}

  /** The rows for a year (null: all years), the years any region has figures for, and the day holders count on. */
  record National(
      Integer year,
      List<Integer> years,
      LocalDate holdersOn,
      List<RegionRow> rows,
      RegionRow total) {}

  private final WerkpactFigures figures;
  private final Regions regions;

  NationalFigures(WerkpactFigures figures, Regions regions) {
    this.figures = figures;
    this.regions = regions;
  }

  National of(Integer year) {
    List<RegionRow> rows = new ArrayList<>();
    var years = new TreeSet<Integer>(java.util.Comparator.reverseOrder());
    LocalDate holdersOn = null;
    for (Regions.Region region : regions.all()) {
      Figures f = RegionScope.in(region.code(), () -> figures.figures(new Selection(year, null)));
      years.addAll(f.years());
      holdersOn = f.summary().holdersOn();
      long awarded = 0;
      long rejected = 0;
      for (YearRow r : f.perYear()) {
        if (year == null || r.year() == year) {
          awarded += r.awarded();
          rejected += r.rejected();
        }
      }
      rows.add(
          new RegionRow(
              region.code(),
              region.name(),
              f.summary().signedConvenants(),
              f.summary().holders(),
              awarded,
              rejected,
              f.summary().extraWorkplaces(),
              f.summary().workExperiencePlaces(),
              f.summary().socialPurchasing()));
    }
    RegionRow total =
        new RegionRow(
            null,
            "Alle regio's",
            rows.stream().mapToLong(RegionRow::signedConvenants).sum(),
            rows.stream().mapToLong(RegionRow::holders).sum(),
            rows.stream().mapToLong(RegionRow::awarded).sum(),
            rows.stream().mapToLong(RegionRow::rejected).sum(),
            rows.stream().mapToLong(RegionRow::extraWorkplaces).sum(),
            rows.stream().mapToLong(RegionRow::workExperiencePlaces).sum(),
            rows.stream()
                .map(RegionRow::socialPurchasing)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    return new National(year, List.copyOf(years), holdersOn, rows, total);
  }
}

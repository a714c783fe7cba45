package nl.werkpact.keurmerk.employer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import nl.werkpact.keurmerk.region.RegionSettings;
import nl.werkpact.keurmerk.region.Regions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The municipalities of the region of this work ({@link Regions#current()}): what an employer's municipality must be. A value typed
 * with other capitals or spaces ("vlaardingen ") is the listed one; any other is refused.
 */
@Component
public class Municipalities {

  private final Supplier<List<String>> ofRegion;

  /** One fixed list (unit tests). */
  public Municipalities(RegionSettings region) {
    this.ofRegion = region::municipalities;
  }

  @Autowired
  public Municipalities(Regions regions) {
    this.ofRegion = () -> regions.current().municipalities();
  }

  /** In the order the region lists them. */
  public List<String> names() {
    return ofRegion.get();
  }

  /** The listed spelling of what was typed, if it is one of the region's. */
  public Optional<String> canonical(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String key = key(typed);
    return names().stream().filter(name -> key(name).equals(key)).findFirst();
  }

  /** The Dutch sentence for a municipality that is not the region's. */
  public String refusal(String typed) {
    return "Gemeente \"" + typed.strip() + "\" hoort niet bij deze regio; kies " + choices() + ".";
  }

  /** "Maassluis, Vlaardingen of Schiedam". */
  public String choices() {
    List<String> names = names();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " of "
        + names.get(names.size() - 1);
  }

  private static String key(String value) {
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

package nl.werkpact.keurmerk.employer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The municipalities of the region ({@link RegionSettings}): what an employer's municipality must be. A value typed
 * with other capitals or spaces ("vlaardingen ") is the listed one; any other is refused.
 */
@Component
public class Municipalities {

  private final List<String> names;

  public Municipalities(RegionSettings region) {
    this.names = region.municipalities();
  }

  /** In the order the region lists them. */
  public List<String> names() {
    return names;
  }

  /** The listed spelling of what was typed, if it is one of the region's. */
  public Optional<String> canonical(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String key = key(typed);
    return names.stream().filter(name -> key(name).equals(key)).findFirst();
  }

  /** The Dutch sentence for a municipality that is not the region's. */
  public String refusal(String typed) {
    return "Gemeente \"" + typed.strip() + "\" hoort niet bij deze regio; kies " + choices() + ".";
  }

  /** "Maassluis, Vlaardingen of Schiedam". */
  public String choices() {
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

package nl.werkpact.keurmerk.region;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A statement the region of its work may not run: work of no region asking for a region's data (with the Dutch
 * sentence a user may see), or a statement that cannot be given its region. A fault of the statement, not of the
 * database: trying again does not help.
 */
public class RegionAccessRefused extends InvalidDataAccessApiUsageException {

  public RegionAccessRefused(String message) {
    super(message);
  }
}

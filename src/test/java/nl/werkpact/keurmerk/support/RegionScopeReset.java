package nl.werkpact.keurmerk.support;

import nl.werkpact.keurmerk.region.RegionScope;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test (junit-platform.properties): after each test the thread's region of work is cleared, so
 * a domain test's region ({@link InMemoryDatabase}) does not become the next test's, such as a process test whose
 * models have no region.
 */
public class RegionScopeReset implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    RegionScope.clear();
  }
}

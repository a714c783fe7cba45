package nl.werkpact.keurmerk.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.werkpact.keurmerk.golive.GoLiveImport;

/**
 * Breaks off the go-live import in the middle of a line, after its employer, convenant and keurmerk were written and
 * before its validity period starts, as a crash or a lost database connection would: for the KvK numbers a test names.
 */
public class ImportInterruption implements GoLiveImport.Interruption {

  private final Set<String> breakAt = ConcurrentHashMap.newKeySet();

  public void breakAt(String kvkNumber) {
    breakAt.add(kvkNumber);
  }

  public void clear() {
    breakAt.clear();
  }

  @Override
  public void afterKeurmerk(String kvkNumber) {
    if (breakAt.contains(kvkNumber)) {
      throw new IllegalStateException(
          "Import interrupted in the middle of the line of KvK " + kvkNumber);
    }
  }
}

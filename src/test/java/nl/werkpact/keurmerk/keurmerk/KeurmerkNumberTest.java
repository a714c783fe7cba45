package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** Keurmerk numbers under concurrent awards: the first two awards of a year both get a number, one after the other. */
class KeurmerkNumberTest {

  @Test
  void aNumberAsAPersonTypesItIsReadAsTheSystemWritesIt() {
    assertThat(KeurmerkNumber.normalize("  sw-2026-0001 ")).isEqualTo("SW-2026-0001");
    assertThat(KeurmerkNumber.isWellFormed(KeurmerkNumber.normalize(" sw-2026-0001"))).isTrue();
    assertThat(KeurmerkNumber.isWellFormed("SW-26-0001")).isFalse();
    assertThat(KeurmerkNumber.isWellFormed("SW-2026-0001x")).isFalse();
    assertThat(KeurmerkNumber.normalize(null)).isEmpty();
  }

  @Test
  void twoAwardsInAYearWithoutACounterBothGetANumber() throws Exception {
    var db = new InMemoryDatabase();
    var keurmerken =
        new KeurmerkRepository(db.jdbc, InMemoryDatabase.clockAt("2031-01-02T10:00:00Z"));
    var transactions = new TransactionTemplate(db.transactions);
    var firstHasItsNumber = new CountDownLatch(1);
    var secondMayFinish = new CountDownLatch(1);

    // The first award takes its number and keeps its transaction open while the second one asks for
    // the next.
    var first =
        CompletableFuture.supplyAsync(
            () ->
                RegionScope.in(
                    InMemoryDatabase.REGION,
                    () ->
                        transactions.execute(
                            status -> {
                              int number = keurmerken.nextNumber(2031);
                              firstHasItsNumber.countDown();
                              await(secondMayFinish);
                              return number;
                            })));
    await(firstHasItsNumber);
    var second =
        CompletableFuture.supplyAsync(
            () ->
                RegionScope.in(
                    InMemoryDatabase.REGION,
                    () -> transactions.execute(status -> keurmerken.nextNumber(2031))));
    Thread.sleep(
        200); // give the second award the chance to run into the first one's transaction (not a
    // wait on a result)
    secondMayFinish.countDown();

    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package nl.werkpact.keurmerk.keurmerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.werkpact.keurmerk.clock.DatabaseClock;
import nl.werkpact.keurmerk.support.InMemoryDatabase;
import org.junit.jupiter.api.Test;

/** One reminder round at a time, and nothing due at a later round's moment left for the next quarter of an hour. */
class ReminderRoundLeaseTest {

  private final InMemoryDatabase db = new InMemoryDatabase();
  private final ReminderRoundLease lease =
      new ReminderRoundLease(db.jdbc, new DatabaseClock(db.dataSource), db.transactions);

  @Test
  void aRoundThatFindsAnotherAtWorkEndsAndTheOtherMakesOneMorePassBeforeItGivesTheLeaseBack() {
    assertThat(lease.take("round-1", Duration.ofMinutes(1))).isTrue();
    assertThat(lease.take("round-2", Duration.ofMinutes(1)))
        .as("a second round while the first queues")
        .isFalse();

    assertThat(lease.release("round-1")).as("the first asked for one more pass").isFalse();
    assertThat(lease.holder()).contains("round-1");
    assertThat(lease.take("round-1", Duration.ofMinutes(1))).as("its next step").isTrue();
    assertThat(lease.release("round-1")).as("after that pass").isTrue();

    assertThat(lease.holder()).isEmpty();
    assertThat(lease.take("round-3", Duration.ofMinutes(1))).isTrue();
  }

  @Test
  void theLeaseOfARoundWhoseNodeDiedRunsOut() {
    assertThat(lease.take("dead-round", Duration.ofMillis(-1))).isTrue();

    assertThat(lease.holder()).isEmpty();
    assertThat(lease.take("next-round", Duration.ofMinutes(1))).isTrue();
    assertThat(lease.holder()).contains("next-round");
  }
}

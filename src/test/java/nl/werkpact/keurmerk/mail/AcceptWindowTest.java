package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stretch between a mail server's acceptance of an e-mail and its SENT record: what a crash of the node can send
 * twice. Threads stand for the dispatcher's conversations.
 */
class AcceptWindowTest {

  /** A conversation that reaches the end of an e-mail's DATA and stays in the window until told. */
  private static final class Conversation extends Thread {
    private final MailConnection.AcceptWindow window;
    private final CountDownLatch recorded = new CountDownLatch(1);
    private final CountDownLatch accepted = new CountDownLatch(1);

    Conversation(MailConnection.AcceptWindow window) {
      this.window = window;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      window.enter();
      accepted.countDown();
      try {
        recorded.await();
      } catch (InterruptedException e) {
        return;
      }
      window.leave();
    }

    boolean inWindow() {
      return accepted.getCount() == 0;
    }

    /** Waits on the thread's state, not on time: it is parked at the window's door. */
    void awaitWaitingAtTheDoor() throws InterruptedException {
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (getState() != State.WAITING || inWindow()) {
        assertThat(System.nanoTime()).as("the conversation reached the door").isLessThan(end);
        assertThat(inWindow()).as("let in while another e-mail waits for its record").isFalse();
        Thread.sleep(1);
      }
    }

    void awaitInWindow() throws InterruptedException {
      assertThat(accepted.await(30, TimeUnit.SECONDS)).as("in the window").isTrue();
    }

    void record() throws InterruptedException {
      recorded.countDown();
      join(Duration.ofSeconds(30).toMillis());
    }
  }

  @Test
  void byDefaultASecondEmailIsNotAcceptedUntilTheFirstIsRecorded() throws Exception {
    var window = new MailConnection.AcceptWindow();
    var first = new Conversation(window);
    first.awaitInWindow();

    var second = new Conversation(window);
    second.awaitWaitingAtTheDoor();

    first.record();
    second.awaitInWindow();
    second.record();
    assertThat(window.passed()).as("e-mails through the window, for the metrics").isEqualTo(2);
    assertThat(window.heldSeconds()).isPositive();
  }

  @Test
  void anOperatorMayAllowMoreUnrecordedEmailsButNotOneMore() throws Exception {
    var window = new MailConnection.AcceptWindow(2);
    var first = new Conversation(window);
    var second = new Conversation(window);
    first.awaitInWindow();
    second.awaitInWindow();

    var third = new Conversation(window);
    third.awaitWaitingAtTheDoor();

    second.record();
    third.awaitInWindow();
    first.record();
    third.record();
  }

  @Test
  void leavingWithoutHavingEnteredFreesNoPlaceAndEnteringTwiceTakesOne() throws Exception {
    var window = new MailConnection.AcceptWindow();
    window.leave(); // an e-mail that failed before its last line
    window.enter();
    window.enter(); // the same conversation, still one e-mail
    window.leave();

    var other = new Conversation(window);
    other.awaitInWindow();
    window.leave(); // not this thread's place
    var third = new Conversation(window);
    third.awaitWaitingAtTheDoor();
    other.record();
    third.awaitInWindow();
    third.record();
  }

  @Test
  void refusesAWindowForNoEmailAtAll() {
    assertThatThrownBy(() -> new MailConnection.AcceptWindow(0))
        .hasMessageContaining("unrecorded-at-most");
  }
}

package nl.werkpact.keurmerk.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A relay's answers without a relay's work: an SMTP server that takes every e-mail, keeps only the count per
 * {@code X-Werkpact-Correspondence} header (what the exactly-once check needs), and answers every command at once, the
 * end of an e-mail's DATA after {@code delayMillis} (a relay at some distance, or one that writes to disk first).
 *
 * <p>Why not GreenMail for a storm: GreenMail delivers each e-mail into its recipient's mailbox, which it looks up in a
 * list of every mailbox it has (a {@code CopyOnWriteArrayList}, compared one by one, and copied for each new
 * recipient). Its answer to the end of DATA, which the app's accept window waits for, so grows with the number of
 * recipients: the storm's 20,000 employers each have their own address. A relay queues an e-mail in constant time.
 * The storm's variant {@code app-greenmail} still drains into GreenMail, beside this, to show the difference.
 */
final class SmtpSink implements AutoCloseable {

  private static final String KEY_HEADER = "X-Werkpact-Correspondence:";

  private final ServerSocket listener;
  private final long delayMillis;
  private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
  private volatile boolean open = true;

  SmtpSink(long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "smtp-sink");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** How often each e-mail (by its correspondence header; "?" without one) was accepted since the last clear. */
  Map<String, Long> received() {
    var counts = new HashMap<String, Long>();
    received.forEach((key, count) -> counts.put(key, count.sum()));
    return counts;
  }

  void clear() {
    received.clear();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = listener.accept();
        client.setTcpNoDelay(true);
        Thread conversation = new Thread(() -> converse(client), "smtp-sink-conversation");
        conversation.setDaemon(true);
        conversation.start();
      } catch (IOException e) {
        if (open) {
          e.printStackTrace();
        }
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        var in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        var out =
            new BufferedWriter(
                new OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1))) {
      answer(out, "220 sink ESMTP");
      boolean inData = false;
      boolean inHeaders = false;
      String key = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (inData) {
          if (line.equals(".")) {
            inData = false;
            if (delayMillis > 0) {
              Thread.sleep(delayMillis);
            }
            received.computeIfAbsent(key == null ? "?" : key, k -> new LongAdder()).increment();
            answer(out, "250 2.0.0 queued");
          } else if (inHeaders) {
            if (line.isEmpty()) {
              inHeaders = false;
            } else if (line.regionMatches(true, 0, KEY_HEADER, 0, KEY_HEADER.length())) {
              key = line.substring(KEY_HEADER.length()).strip();
            }
          }
          continue;
        }
        String command = line.length() < 4 ? line : line.substring(0, 4);
        switch (command.toUpperCase(Locale.ROOT)) {
          case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> answer(out, "250 OK");
          case "DATA" -> {
            inData = true;
            inHeaders = true;
            key = null;
            answer(out, "354 go ahead");
          }
          case "QUIT" -> {
            answer(out, "221 bye");
            return;
          }
          default -> answer(out, "502 5.5.1 not known here");
        }
      }
    } catch (IOException ignored) {
      // the conversation ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(Writer out, String line) throws IOException {
    out.write(line);
    out.write("\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    open = false;
    listener.close();
  }
}

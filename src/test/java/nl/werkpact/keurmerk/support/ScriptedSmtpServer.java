package nl.werkpact.keurmerk.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A real SMTP server over TCP whose answers a test decides: accept, 451 (try later) or 550 (unknown address) for a
 * recipient, or silence (a server that accepts the connection and never answers). It counts what it accepted per
 * e-mail (the {@code X-Werkpact-Correspondence} header), so a test sees duplicates and losses.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

  public enum Mode {
    ACCEPT,
    TRY_LATER,
    SILENT
  }

  private final ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Mode mode = Mode.ACCEPT;
  private volatile Consumer<String> beforeAccepting = key -> {};

  public ScriptedSmtpServer() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public void mode(Mode next) {
    mode = next;
  }

  /** Runs with each e-mail's key when its DATA has ended, before the server accepts it (answers 250). */
  public void beforeAccepting(Consumer<String> hook) {
    beforeAccepting = hook;
  }

  /** Answers 550 5.1.1 for this address from now on. */
  public void refuse(String address) {
    refused.add(address.toLowerCase());
  }

  public int connections() {
    return connections.get();
  }

  /** How often each e-mail (by its correspondence key) was accepted. */
  public Map<String, Integer> acceptedByKey() {
    return accepted.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
  }

  /** Forgets what it accepted so far (a benchmark's warm-up). */
  public void clear() {
    accepted.clear();
  }

  public int acceptedTotal() {
    return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  public long duplicates() {
    return accepted.values().stream()
        .mapToInt(AtomicInteger::get)
        .filter(n -> n > 1)
        .map(n -> n - 1)
        .sum();
  }

  /** Breaks every open conversation, as a server that restarts does. */
  public void dropConnections() {
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closed already
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        open.add(socket);
        Thread conversation = new Thread(() -> converse(socket), "scripted-smtp-conversation");
        conversation.setDaemon(true);
        conversation.start();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        // next one
      }
    }
  }

  private void converse(Socket socket) {
    try (socket) {
      if (mode == Mode.SILENT) {
        hang(socket); // accept the connection, never say a word: the client's timeouts must end it
        return;
      }
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      say(out, "220 scripted ESMTP");
      boolean anyRecipient = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command =
            line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (command) {
          case "EHLO" -> say(out, "250-scripted\r\n250 8BITMIME");
          case "HELO", "NOOP" -> say(out, "250 OK");
          case "RSET" -> {
            anyRecipient = false;
            say(out, "250 OK");
          }
          case "MAIL" -> {
            anyRecipient = false;
            say(out, "250 OK");
          }
          case "RCPT" -> {
            String address =
                line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase();
            if (mode == Mode.SILENT) {
              hang(socket);
              return;
            } else if (refused.contains(address)) {
              say(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
            } else if (mode == Mode.TRY_LATER) {
              say(out, "451 4.3.0 <" + address + ">: Temporary failure, try again later");
            } else {
              anyRecipient = true;
              say(out, "250 OK");
            }
          }
          case "DATA" -> {
            if (!anyRecipient) {
              say(out, "554 No valid recipients");
              continue;
            }
            say(out, "354 End data with <CR><LF>.<CR><LF>");
            String key = null;
            String data = in.readLine();
            for (; data != null && !data.equals("."); data = in.readLine()) {
              if (key == null && data.regionMatches(true, 0, "X-Werkpact-Correspondence:", 0, 26)) {
                key = data.substring(26).strip();
              }
            }
            if (data == null) {
              return; // the client went away in the middle of the message (a killed node): nothing
              // was accepted
            }
            if (mode == Mode.SILENT) {
              hang(socket);
              return;
            }
            beforeAccepting.accept(key == null ? "?" : key);
            accepted
                .computeIfAbsent(key == null ? "?" : key, k -> new AtomicInteger())
                .incrementAndGet();
            say(out, "250 OK queued");
          }
          case "QUIT" -> {
            say(out, "221 Bye");
            return;
          }
          default -> say(out, "500 Unknown command");
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(socket);
    }
  }

  private static void hang(Socket socket) throws IOException {
    while (!socket.isClosed() && socket.getInputStream().read() >= 0) {
      // swallow whatever comes until the client gives up
    }
  }

  private static void say(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closed
    }
    dropConnections();
  }
}

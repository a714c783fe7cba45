package nl.werkpact.keurmerk.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A mail relay that answers the end of an e-mail's DATA after a delay, as a relay that writes the e-mail to disk or
 * scans it before it answers: a TCP proxy in front of a real SMTP server (GreenMail) that holds back the server's
 * answer to the line {@code .} by {@code delayMillis}; every other answer passes at once.
 */
final class SlowRelay implements AutoCloseable {

  private final ServerSocket listener;
  private final int targetPort;
  private final long delayMillis;
  private volatile boolean open = true;

  SlowRelay(int targetPort, long delayMillis) throws IOException {
    this.targetPort = targetPort;
    this.delayMillis = delayMillis;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "slow-relay");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (open) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        var endOfData = new AtomicBoolean();
        start(() -> clientToServer(client, server, endOfData));
        start(() -> serverToClient(server, client, endOfData));
      } catch (IOException e) {
        if (open) {
          e.printStackTrace();
        }
      }
    }
  }

  private static void start(Runnable pump) {
    Thread thread = new Thread(pump, "slow-relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Passes what the client sends, noting when it sent the line that ends an e-mail's DATA. */
  private static void clientToServer(Socket client, Socket server, AtomicBoolean endOfData) {
    byte[] last = new byte[5];
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(last, 1, last, 0, 4);
          last[4] = buffer[i];
          if (last[0] == '\r'
              && last[1] == '\n'
              && last[2] == '.'
              && last[3] == '\r'
              && last[4] == '\n') {
            endOfData.set(true);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // the conversation ended
    } finally {
      close(client, server);
    }
  }

  /** Passes the server's answers, the answer to the end of DATA after the delay. */
  private void serverToClient(Socket server, Socket client, AtomicBoolean endOfData) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (endOfData.getAndSet(false) && delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // the conversation ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      close(client, server);
    }
  }

  private static void close(Socket a, Socket b) {
    try {
      a.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      b.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    open = false;
    listener.close();
  }
}

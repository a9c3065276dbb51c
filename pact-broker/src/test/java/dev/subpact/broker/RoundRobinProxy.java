package dev.subpact.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP load balancer in front of broker replicas, as a team would put one: each client
 * connection goes to the next replica in turn; a replica that refuses the connection (killed) is
 * skipped, and a connection open to a replica that dies is closed, as a real balancer does.
 */
public final class RoundRobinProxy implements AutoCloseable {

  private final ServerSocket server;
  private final List<Integer> ports;
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "round-robin-proxy");
    thread.setDaemon(true);
    return thread;
  });

  public RoundRobinProxy(List<Integer> ports) throws IOException {
    this.ports = List.copyOf(ports);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pumps.submit(this::accept);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pumps.submit(() -> forward(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    Socket replica = connectToNext();
    if (replica == null) {
      close(client);
      return;
    }
    pumps.submit(() -> pump(client, replica));
    pump(replica, client);
  }

  /** The next replica in turn that accepts a connection, or null when none does. */
  private Socket connectToNext() {
    for (int tried = 0; tried < ports.size(); tried++) {
      int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return socket;
      } catch (IOException refused) {
        close(socket);
      }
    }
    return null;
  }

  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException ended) {
      // one side closed or died: the other side is closed below
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    pumps.shutdownNow();
  }
}

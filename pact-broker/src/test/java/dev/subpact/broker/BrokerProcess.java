package dev.subpact.broker;

import java.nio.file.Files;
import java.nio.file.Path;

/** A broker in its own JVM (for the kill -9 test): {@code BrokerProcess DATABASE PORT_FILE}. */
public final class BrokerProcess {

  private BrokerProcess() {}

  public static void main(String[] args) throws Exception {
    RunningBroker broker = PactBroker.start(BrokerConfig.local(0, args[0]));
    Path portFile = Path.of(args[1]);
    Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
    Files.writeString(partial, Integer.toString(broker.port()));
    Files.move(partial, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Thread.currentThread().join();
  }
}

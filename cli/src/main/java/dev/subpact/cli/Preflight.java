package dev.subpact.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks made before any work starts (a replay, a capture, a publish, a server): every folder to
 * write to, file to write and port to listen on. Each failure is a {@link UserInputException}
 * saying what, why and what to do, so nothing is lost to a problem the command could have seen first.
 */
final class Preflight {

  private Preflight() {}

  /** {@code folder} exists as a folder (created if missing) that this process may write to. */
  static void writableFolder(Path folder, String option) {
    for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new UserInputException(option + " " + folder + ": " + (p.equals(folder.toAbsolutePath()) ? "it" : p)
            + " is a file, not a folder. Give a folder (it is created when missing).");
      }
    }
    try {
      Files.createDirectories(folder);
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException(option + " " + folder + ": " + e.getFile() + " is a file, not a folder: give another path.", e);
    } catch (AccessDeniedException e) {
      throw new UserInputException(option + " " + folder + " cannot be created: permission denied on " + e.getFile()
          + ". Give a folder you may write to.", e);
    } catch (FileSystemException e) {
      throw new UserInputException(option + " " + folder + " cannot be created: " + (e.getReason() == null ? e.getMessage() : e.getReason())
          + ". Give a folder you may write to.", e);
    } catch (IOException e) {
      throw new UserInputException(option + " " + folder + " cannot be created: " + e.getMessage() + ". Give a folder you may write to.", e);
    }
    if (!Files.isWritable(folder)) {
      throw new UserInputException(option + " " + folder + " is not writable by this user. Give a folder you may write to.");
    }
  }

  /** {@code file} can be written: not a folder, and its folder exists and is writable. */
  static void writableFile(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw new UserInputException(option + " " + file + " is a folder: give a file name.");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UserInputException(option + " " + file + ": its folder " + parent + " does not exist. Create it first, or give another file.");
    }
    if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
      throw new UserInputException(option + " " + file + " is not writable by this user. Give a file you may write.");
    }
  }

  /** {@code port} (0: any) can be listened on at {@code host}. */
  static void freePort(String host, int port, String option) {
    if (port < 0 || port > 65535) {
      throw new UserInputException(option + " " + port + " is not a port: give 1-65535, or 0 for any free port.");
    }
    if (port == 0) {
      return;
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UserInputException(option + ": the host '" + host + "' is unknown. Give an address of this machine, e.g. 127.0.0.1.", e);
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, port));
    } catch (BindException e) {
      throw new UserInputException(option + " " + port + ": " + host + ":" + port + " cannot be listened on (" + e.getMessage()
          + "); another process probably uses it. Stop it, pick another port, or give 0 for any free port.", e);
    } catch (IOException e) {
      throw new UserInputException(option + " " + port + ": cannot listen on " + host + ":" + port + " (" + e.getMessage() + ").", e);
    }
  }
}

package com.healthplan.va.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for tests: Debian's binaries (/usr/lib/postgresql/<version>/bin), a data
 * directory under /tmp, a free loopback port, trust authentication, no fsync. As root it runs as the
 * {@code postgres} system user (PostgreSQL refuses to run as root). A test on a machine without the binaries is
 * skipped with a message saying how to install them.
 */
public final class TemporaryPostgres implements AutoCloseable {

  public static final String USER = "va";

  private final Path bin;
  private final Path dataDir;
  private final int port;
  private final boolean asPostgresUser;

  private TemporaryPostgres(Path bin, Path dataDir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The binaries' folder, newest version first, if PostgreSQL is installed. */
  public static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path versionDir) {
    try {
      return Integer.parseInt(versionDir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Starts a new cluster, or skips the calling test when PostgreSQL is not installed. */
  public static TemporaryPostgres start() throws IOException, InterruptedException {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL binaries absent (/usr/lib/postgresql/<version>/bin): "
        + "install Debian's postgresql package (apt-get install postgresql) to run this test");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dataDir = Files.createTempDirectory(Path.of("/tmp"), "va-pg-");
    if (root) {
      run(List.of("chown", "postgres", dataDir.toString()), false);
    }
    TemporaryPostgres postgres = new TemporaryPostgres(bin.get(), dataDir, freePort(), root);
    postgres.initAndStart();
    return postgres;
  }

  private void initAndStart() throws IOException, InterruptedException {
    Path data = dataDir.resolve("data");
    command(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
        "-E", "UTF8", "--no-sync", "--locale=C"));
    command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        dataDir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=200", "start"));
  }

  /** Stops the server at once, as a crash would (the data stays: {@link #restart} brings it back). */
  public void kill() throws IOException, InterruptedException {
    command(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m", "immediate",
        "-w", "stop"));
  }

  public void restart() throws IOException, InterruptedException {
    command(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-l",
        dataDir.resolve("postgres.log").toString(), "-w", "start"));
  }

  /** A new empty database; returns its JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      command(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-m",
          "immediate", "-w", "stop"));
    } catch (IOException alreadyStopped) {
      // nothing to stop
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private void command(List<String> command) throws IOException, InterruptedException {
    run(command, asPostgresUser);
  }

  private static void run(List<String> command, boolean asPostgresUser) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

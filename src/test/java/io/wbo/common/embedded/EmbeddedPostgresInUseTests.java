package io.wbo.common.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second wbo on the same data directory is refused with a short, clear report. */
class EmbeddedPostgresInUseTests {

	/** Another process holding zonky's lock file, as a running wbo does (a lock held in this JVM would overlap instead). */
	private static final String LOCK_HOLDER = """
			public class LockHolder {
				public static void main(String[] args) throws Exception {
					try (var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(args[0]),
							java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
							var lock = channel.lock()) {
						System.out.println("locked");
						System.in.read();
					}
				}
			}
			""";

	@Test
	void aLockedDataDirectoryIsReportedAsInUse(@TempDir Path dir) throws Exception {
		Path dataDir = dir.resolve("pg");
		Files.createDirectories(dataDir);
		// an initialised data directory (zonky runs initdb where there is no postgresql.conf, and locks after that)
		Files.createFile(dataDir.resolve("postgresql.conf"));
		Path source = Files.writeString(dir.resolve("LockHolder.java"), LOCK_HOLDER);
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), source.toString(),
				dataDir.resolve("epg-lock").toString()).redirectErrorStream(true).start();
		try {
			assertThat(new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine()).isEqualTo("locked");
			assertThatThrownBy(() -> EmbeddedPostgresEnvironment.start(EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false), dataDir))
					.isInstanceOfSatisfying(EmbeddedPostgresInUseException.class, e -> {
						FailureAnalysis analysis = new EmbeddedPostgresInUseFailureAnalyzer().analyze(e);
						assertThat(analysis.getDescription()).contains(dataDir.toString()).contains("in use by another running wbo");
						assertThat(analysis.getAction()).contains("--wbo.embedded-postgres.data-dir");
					});
		}
		finally {
			holder.destroy();
			holder.waitFor();
		}
	}
}

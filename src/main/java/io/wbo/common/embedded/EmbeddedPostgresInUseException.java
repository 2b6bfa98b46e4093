package io.wbo.common.embedded;

import java.nio.file.Path;

/** The embedded PostgreSQL's data directory is locked by another running wbo (zonky's lock file). */
public class EmbeddedPostgresInUseException extends IllegalStateException {

	private final Path dataDir;

	EmbeddedPostgresInUseException(Path dataDir, Throwable cause) {
		super("The embedded PostgreSQL's data directory " + dataDir + " is in use by another running wbo", cause);
		this.dataDir = dataDir;
	}

	public Path dataDir() {
		return dataDir;
	}
}

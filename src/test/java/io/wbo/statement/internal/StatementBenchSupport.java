package io.wbo.statement.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import io.wbo.common.Actor;

/** Lets the benchmark (io.wbo.bench) run the template importer on a file, as the import endpoint does. */
public final class StatementBenchSupport {

	private StatementBenchSupport() {
	}

	/** Imports a CSV in the HSBC demo template's layout. */
	public static StatementImporter.ImportResult importHsbcCsv(StatementImporter importer, long accountId, Path file, Actor actor) {
		return importer.importFile(accountId, "TEMPLATE", null, new TemplateParser(DemoTemplates.HSBC), file.getFileName().toString(),
				() -> Files.newInputStream(file), actor);
	}
}

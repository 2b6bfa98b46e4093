package io.wbo.common.startup;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that cannot reach its database (wrong password, no such database, nothing listening) fails deep inside
 * Flyway's bean, so Spring's report is a wall of nested bean errors with the one line that matters at the bottom.
 * This turns it into the short "APPLICATION FAILED TO START" report: which database, as whom, what PostgreSQL said,
 * and which settings to check. The URL is shown without its parameters (a password may be one of them).
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final @Nullable Environment environment;

	public DatabaseUnreachableFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String state = cause.getSQLState();
		// 08: connection exception, 28: invalid authorization, 3D000: no such database
		if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
			return null;
		}
		String url = property("spring.datasource.url");
		String user = property("spring.datasource.username");
		String where = url == null ? "its database" : "its database " + withoutParameters(url) + (user == null ? "" : " as user \"" + user + "\"");
		return new FailureAnalysis("wbo could not connect to " + where + ": " + cause.getMessage(),
				"Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that PostgreSQL is "
						+ "running and accepts connections from this host (pg_hba.conf); the database must exist and be owned by that user.",
				cause);
	}

	private @Nullable String property(String name) {
		return environment == null ? null : environment.getProperty(name);
	}

	static String withoutParameters(String url) {
		int q = url.indexOf('?');
		return q < 0 ? url : url.substring(0, q);
	}
}

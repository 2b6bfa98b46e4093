package io.wbo.common.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import io.wbo.common.embedded.EmbeddedPostgresInUseFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** A start that cannot reach its database says which one, as whom and why, in the short startup report. */
class DatabaseUnreachableFailureAnalyzerTests {

	MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/wbo?password=secret-in-url")
			.withProperty("spring.datasource.username", "wbo")
			.withProperty("spring.datasource.password", "the-password");

	@Test
	void aWrongPasswordIsReportedWithTheDatabaseAndUserButNoSecret() {
		Throwable failure = new BeanCreationException("flywayInitializer", "Unable to obtain connection from database",
				new RuntimeException("Flyway", new SQLException("FATAL: password authentication failed for user \"wbo\"", "28P01")));
		FailureAnalysis analysis = new DatabaseUnreachableFailureAnalyzer(environment).analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
				.isEqualTo("wbo could not connect to its database jdbc:postgresql://db.example:5432/wbo as user \"wbo\": "
						+ "FATAL: password authentication failed for user \"wbo\"")
				.doesNotContain("secret-in-url").doesNotContain("the-password");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_PASSWORD");
	}

	@Test
	void nothingListeningAndNoSuchDatabaseAreReportedToo() {
		assertThat(new DatabaseUnreachableFailureAnalyzer(environment)
				.analyze(new SQLException("Connection to db.example:5432 refused.", "08001"))).isNotNull();
		assertThat(new DatabaseUnreachableFailureAnalyzer(null)
				.analyze(new SQLException("FATAL: database \"wbo\" does not exist", "3D000")).getDescription())
				.isEqualTo("wbo could not connect to its database: FATAL: database \"wbo\" does not exist");
	}

	@Test
	void otherDatabaseErrorsAreLeftToTheUsualReport() {
		// a failing migration is not a connection problem: its stack trace is what the engineer needs
		assertThat(new DatabaseUnreachableFailureAnalyzer(environment)
				.analyze(new SQLException("ERROR: syntax error at or near \"SELEC\"", "42601"))).isNull();
	}

	@Test
	void bothAnalyzersAreRegistered() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
				.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.of(org.springframework.core.env.Environment.class, environment)
						.and(org.springframework.beans.factory.BeanFactory.class, new org.springframework.beans.factory.support.DefaultListableBeanFactory())))
				.hasAtLeastOneElementOfType(DatabaseUnreachableFailureAnalyzer.class)
				.hasAtLeastOneElementOfType(EmbeddedPostgresInUseFailureAnalyzer.class);
	}
}

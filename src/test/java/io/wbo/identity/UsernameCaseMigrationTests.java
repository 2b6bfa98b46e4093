package io.wbo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import io.wbo.testing.WboTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V59 makes usernames one regardless of case. A database where two operators already differ only in case must still
 * start: the migration is run on its own schema, up to V58 first, with such a pair in it.
 */
@WboTest
class UsernameCaseMigrationTests {

	private static final String SCHEMA = "v59_check";

	@Autowired
	DataSource dataSource;

	@Test
	void operatorsDifferingOnlyInCaseKeepTheOldestNameAndTheLaterOnesAreRenamedAndDisabled() {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		try {
			flyway("58").migrate();
			String insert = "INSERT INTO " + SCHEMA + ".operator (username, display_name, password_hash) VALUES (:u, :u, 'x') RETURNING id";
			long first = jdbc.sql(insert).param("u", "Maker").query(Long.class).single();
			long second = jdbc.sql(insert).param("u", "maker").query(Long.class).single();
			long other = jdbc.sql(insert).param("u", "checker").query(Long.class).single();

			flyway("59").migrate();

			record Row(long id, String username, boolean enabled) {
			}
			List<Row> rows = jdbc.sql("SELECT id, username, enabled FROM " + SCHEMA + ".operator WHERE id IN (:ids) ORDER BY id")
					.param("ids", List.of(first, second, other)).query(Row.class).list();
			assertThat(rows).containsExactly(new Row(first, "Maker", true), new Row(second, "maker-" + second, false),
					new Row(other, "checker", true));
			assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = :s AND indexname = 'operator_username_lower_idx'")
					.param("s", SCHEMA).query(Long.class).single()).isEqualTo(1);
		}
		finally {
			jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		}
	}

	private Flyway flyway(String target) {
		return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration")
				.target(target).load();
	}
}

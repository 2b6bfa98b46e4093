package io.wbo.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Gives every test class the database as the application left it after starting (schema, reference data, demo
 * data): the first class takes a snapshot of every table into the schema {@code test_snapshot}, each later class
 * truncates the tables and copies the snapshot back (a fraction of a second, where a new database per class would
 * mean a new application context). Left alone: Flyway's history, the scheduler's own table (its recurring tasks live
 * there) and the HTTP sessions. Sequences go on counting, so an id is never reused within a run.
 */
public class CleanDatabase implements BeforeAllCallback {

	private static final Set<String> KEPT = Set.of("flyway_schema_history", "scheduled_tasks", "spring_session",
			"spring_session_attributes");

	/** Tables and their insertable columns, in the order they were snapshotted, per database URL. */
	private static final Map<String, Map<String, String>> snapshots = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		ApplicationContext app = SpringExtension.getApplicationContext(context);
		DataSource dataSource = app.getBean(DataSource.class);
		String url;
		try (Connection c = dataSource.getConnection()) {
			url = c.getMetaData().getURL();
		}
		boolean[] taken = { false };
		Map<String, String> tables = snapshots.computeIfAbsent(url, u -> {
			taken[0] = true;
			return snapshot(dataSource);
		});
		if (!taken[0]) {
			restore(dataSource, tables);
			// the ledger caches account ids by owner; the accounts the previous class created are gone
			((Map<?, ?>) ReflectionTestUtils.getField(app.getBean(io.wbo.ledger.internal.LedgerStore.class), "accountIds")).clear();
			// and the customer numbers the APP resolved may name customers that are gone
			((Map<?, ?>) ReflectionTestUtils.getField((Object) org.springframework.test.util.AopTestUtils.getTargetObject(app.getBean(io.wbo.customer.Customers.class)), "idsByNo")).clear();
		}
	}

	private static Map<String, String> snapshot(DataSource dataSource) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			Map<String, String> tables = new LinkedHashMap<>();
			List<String> names = new ArrayList<>();
			try (var rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
				while (rs.next()) {
					if (!KEPT.contains(rs.getString(1))) {
						names.add(rs.getString(1));
					}
				}
			}
			for (String table : names) {
				List<String> columns = new ArrayList<>();
				try (var rs = s.executeQuery("""
						SELECT column_name FROM information_schema.columns
						WHERE table_schema = 'public' AND table_name = '%s' AND is_generated = 'NEVER' ORDER BY ordinal_position"""
						.formatted(table))) {
					while (rs.next()) {
						columns.add('"' + rs.getString(1) + '"');
					}
				}
				tables.put(table, String.join(", ", columns));
			}
			s.execute("DROP SCHEMA IF EXISTS test_snapshot CASCADE");
			s.execute("CREATE SCHEMA test_snapshot");
			for (Map.Entry<String, String> t : tables.entrySet()) {
				s.execute("CREATE TABLE test_snapshot.%s AS SELECT %s FROM public.%s".formatted(t.getKey(), t.getValue(), t.getKey()));
			}
			return tables;
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not snapshot the test database", e);
		}
	}

	/**
	 * Truncates and refills every snapshotted table in one transaction. Background jobs of the previous class may
	 * still hold locks; a deadlock or lock timeout is retried.
	 */
	private static void restore(DataSource dataSource, Map<String, String> tables) throws SQLException {
		for (int attempt = 1;; attempt++) {
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				c.setAutoCommit(false);
				try {
					s.execute("SET LOCAL lock_timeout = '5s'");
					// foreign keys and the append-only guards are triggers: off while the tables are refilled
					s.execute("SET LOCAL session_replication_role = replica");
					s.execute("TRUNCATE " + String.join(", ", tables.keySet().stream().map(t -> "public." + t).toList()));
					for (Map.Entry<String, String> t : tables.entrySet()) {
						s.execute("INSERT INTO public.%1$s (%2$s) OVERRIDING SYSTEM VALUE SELECT %2$s FROM test_snapshot.%1$s"
								.formatted(t.getKey(), t.getValue()));
					}
					c.commit();
					return;
				}
				catch (SQLException e) {
					c.rollback();
					boolean retry = ("40P01".equals(e.getSQLState()) || "55P03".equals(e.getSQLState())) && attempt < 5;
					if (!retry) {
						throw e;
					}
				}
				finally {
					c.setAutoCommit(true);
				}
			}
		}
	}
}

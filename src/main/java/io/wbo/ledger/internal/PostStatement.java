package io.wbo.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * The statement that posts a transfer: lock the guarded accounts in id order, insert the transfer and post both sides
 * — one round trip. Audited, the transfer row also records who moved the money, from where and when (its place in the
 * hash chain is given later by {@link LedgerSealer}). It is the hottest statement of wbo, so each of its eight forms
 * (debit and credit side guarded or not, audited or not) is built once: the driver then finds its server-side prepared
 * statement by a string whose hash is already known, the named form is parsed once (Spring's parser), and the values
 * go straight to the driver: the per-call SQL rewriting and type guessing cost as much CPU as the database's own work.
 */
final class PostStatement {

	/** Posting to a guarded account: its own row, which the CHECK constraint guards. */
	private static final String POST_TO_ROW = """
			UPDATE ledger_account a SET %1$s = a.%1$s + t.amount FROM t WHERE a.id = :%2$s RETURNING a.id""";

	/** Posting to an unguarded account: one of its slots, so concurrent transfers rarely wait for each other. */
	private static final String POST_TO_SLOT = """
			UPDATE ledger_account_slot s SET %1$s = s.%1$s + t.amount FROM t
			WHERE s.account_id = :%2$s AND s.slot = :%2$sSlot RETURNING s.account_id""";

	/** {@code %1$s}: which accounts are guarded, {@code %2$s}: how many; {@code %3$s}, {@code %4$s}: the audit columns. */
	private static final String TRANSFER = """
			WITH locked AS (
			  SELECT id FROM ledger_account WHERE %1$s ORDER BY id FOR NO KEY UPDATE
			), t AS (
			  INSERT INTO ledger_transfer (transfer_key, kind, asset, amount, debit_account_id, credit_account_id,
			                               reference_type, reference_id%3$s)
			  SELECT :key, :kind, :asset, :amount, :debit, :credit, :refType, :refId%4$s
			  WHERE (SELECT count(*) FROM locked) = %2$s
			  ON CONFLICT (transfer_key) DO NOTHING
			  RETURNING id, amount
			), d AS (
			  %5$s
			), c AS (
			  %6$s
			)
			SELECT (SELECT id FROM t) AS transfer_id, (SELECT count(*) FROM d) AS debited, (SELECT count(*) FROM c) AS credited
			""";

	/** The time goes as microseconds since the epoch: the driver's formatting of a timestamp cost more than the rest. */
	private static final String[] AUDIT_COLUMNS = { ", occurred_at, actor, ip",
			", TIMESTAMPTZ 'epoch' + CAST(:atMicros AS BIGINT) * INTERVAL '1 microsecond', :actor, :ip" };

	private static final PostStatement[] FORMS = new PostStatement[8];

	static {
		for (int form = 0; form < FORMS.length; form++) {
			boolean debitGuarded = (form & 4) != 0, creditGuarded = (form & 2) != 0, audited = (form & 1) != 0;
			String debit = (debitGuarded ? POST_TO_ROW : POST_TO_SLOT).formatted("debits_posted", "debit");
			String credit = (creditGuarded ? POST_TO_ROW : POST_TO_SLOT).formatted("credits_posted", "credit");
			// the guarded accounts named one by one, not as an array: the plan then costs the same for every transfer and
			// the server keeps its generic plan instead of planning each execution anew (half the throughput)
			String guarded = debitGuarded && creditGuarded ? "id IN (:debit, :credit)" : debitGuarded ? "id = :debit"
					: creditGuarded ? "id = :credit" : "false";
			String count = Integer.toString((debitGuarded ? 1 : 0) + (creditGuarded ? 1 : 0));
			FORMS[form] = new PostStatement(TRANSFER.formatted(guarded, count, audited ? AUDIT_COLUMNS[0] : "",
					audited ? AUDIT_COLUMNS[1] : "", debit, credit));
		}
	}

	private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	private final ParsedSql parsed;
	private final String sql;

	private PostStatement(String namedSql) {
		this.parsed = NamedParameterUtils.parseSqlStatement(namedSql);
		this.sql = NamedParameterUtils.substituteNamedParameters(parsed, null);
	}

	static PostStatement of(boolean debitGuarded, boolean creditGuarded, boolean audited) {
		return FORMS[(debitGuarded ? 4 : 0) | (creditGuarded ? 2 : 0) | (audited ? 1 : 0)];
	}

	interface RowMapper<T> {
		T map(ResultSet rs) throws SQLException;
	}

	/** Runs the statement on the caller's transactional connection and maps its single row. */
	<T> T execute(DataSource dataSource, Map<String, Object> params, RowMapper<T> mapper) {
		Connection con = DataSourceUtils.getConnection(dataSource);
		Object[] values = NamedParameterUtils.buildValueArray(parsed, new MapSqlParameterSource(params), null);
		try (PreparedStatement ps = con.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				bind(con, ps, i + 1, values[i]);
			}
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return mapper.map(rs);
			}
		}
		catch (SQLException e) {
			throw TRANSLATOR.translate("post transfer", sql, e);
		}
		finally {
			DataSourceUtils.releaseConnection(con, dataSource);
		}
	}

	private static void bind(Connection con, PreparedStatement ps, int index, Object value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.NULL);
		}
		else if (value instanceof String s) {
			ps.setString(index, s);
		}
		else if (value instanceof Long l) {
			ps.setLong(index, l);
		}
		else if (value instanceof Integer n) {
			ps.setInt(index, n);
		}
		else if (value instanceof BigDecimal d) {
			ps.setBigDecimal(index, d);
		}
		else if (value instanceof byte[] bytes) {
			ps.setBytes(index, bytes);
		}
		else if (value instanceof Timestamp ts) {
			ps.setTimestamp(index, ts);
		}
		else {
			throw new IllegalArgumentException("cannot bind " + value.getClass().getName());
		}
	}
}

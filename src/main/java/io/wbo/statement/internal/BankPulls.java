package io.wbo.statement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.wbo.common.Actor;
import io.wbo.common.BusinessDay;
import io.wbo.common.DomainException;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import io.wbo.statement.BankConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * B-2 scheduled pull: one recurring db-scheduler task (so it runs once across instances) that asks each company
 * account's connector for its lines since the last pull (overlapping a few days, as banks book late) and stores the
 * outcome per account in bank_pull_status for the console. One account failing never stops the others.
 */
@Configuration
class BankPulls {

	private static final Logger log = LoggerFactory.getLogger(BankPulls.class);

	private final Customers customers;
	private final List<BankConnector> connectors;
	private final StatementImporter importer;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final int overlapDays;

	BankPulls(Customers customers, List<BankConnector> connectors, StatementImporter importer, JdbcClient jdbc, TransactionTemplate tx,
			@Value("${wbo.statements.pull.overlap-days:3}") int overlapDays) {
		this.customers = customers;
		this.connectors = connectors;
		this.importer = importer;
		this.jdbc = jdbc;
		this.tx = tx;
		this.overlapDays = overlapDays;
	}

	@Bean
	RecurringTask<Void> bankStatementPull(@Value("${wbo.statements.pull.interval-minutes:15}") int minutes) {
		return Tasks.recurring("bank-statement-pull", FixedDelay.ofMinutes(minutes)).execute((instance, context) -> pullAll());
	}

	void pullAll() {
		for (CompanyAccount account : customers.companyAccounts()) {
			if (account.active()) {
				connector(account).ifPresent(c -> pull(account, c));
			}
		}
	}

	Optional<BankConnector> connector(CompanyAccount account) {
		return connectors.stream().filter(c -> c.supports(account)).findFirst();
	}

	/** Pulls one account now (also the console's 立即拉取); returns the stored status. */
	PullStatus pullNow(long accountId) {
		CompanyAccount account = customers.requireCompanyAccount(accountId, "accountId");
		BankConnector connector = connector(account)
				.orElseThrow(() -> DomainException.rule("no-bank-connector", "no bank API connector for account " + account.accountNo()));
		pull(account, connector);
		return status(accountId).orElseThrow();
	}

	private void pull(CompanyAccount account, BankConnector connector) {
		LocalDate today = BusinessDay.today();
		LocalDate since = status(account.id()).map(PullStatus::pulledUntil).map(d -> d.minusDays(overlapDays)).orElse(today.minusDays(overlapDays));
		try {
			StatementImporter.ImportResult result = tx.execute(s -> {
				List<ParsedLine> lines = BankLines.parse(connector.pull(account, since, today));
				if (lines.isEmpty()) {
					return new StatementImporter.ImportResult(0, 0, 0, 0);
				}
				return importer.importLines(account.id(), lines, connector.name(), Actor.system("bank-pull:" + connector.name()));
			});
			record(account.id(), connector.name(), "OK", result.total() + " lines, " + result.created() + " new", result.created(), result.total(), today);
		}
		catch (RuntimeException e) {
			log.warn("bank pull of account {} with {} failed", account.id(), connector.name(), e);
			record(account.id(), connector.name(), "FAILED", TemplateParser.reason(e), 0, 0, null);
		}
	}

	private void record(long accountId, String connector, String status, String message, int created, int total, @Nullable LocalDate until) {
		jdbc.sql("""
				INSERT INTO bank_pull_status (account_id, connector, last_run_at, last_status, last_message, lines_created, lines_total, pulled_until)
				VALUES (:account, :connector, now(), :status, :message, :created, :total, :until)
				ON CONFLICT (account_id) DO UPDATE SET connector = EXCLUDED.connector, last_run_at = now(), last_status = EXCLUDED.last_status,
				  last_message = EXCLUDED.last_message, lines_created = EXCLUDED.lines_created, lines_total = EXCLUDED.lines_total,
				  pulled_until = coalesce(EXCLUDED.pulled_until, bank_pull_status.pulled_until)""")
				.param("account", accountId).param("connector", connector).param("status", status).param("message", message)
				.param("created", created).param("total", total).param("until", until).update();
	}

	record PullStatus(long accountId, String connector, Instant lastRunAt, String lastStatus, @Nullable String lastMessage, int linesCreated,
			int linesTotal, @Nullable LocalDate pulledUntil) {
	}

	Optional<PullStatus> status(long accountId) {
		return jdbc.sql("SELECT * FROM bank_pull_status WHERE account_id = :id").param("id", accountId)
				.query((rs, i) -> new PullStatus(rs.getLong("account_id"), rs.getString("connector"), rs.getTimestamp("last_run_at").toInstant(),
						rs.getString("last_status"), rs.getString("last_message"), rs.getInt("lines_created"), rs.getInt("lines_total"),
						rs.getObject("pulled_until", LocalDate.class)))
				.optional();
	}
}

package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wbo.common.BusinessDay;
import io.wbo.ledger.Ledger;
import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationResult;
import io.wbo.reconciliation.ReconciliationSource;
import io.wbo.reconciliation.RecordReconciled;
import io.wbo.reconciliation.SystemRecord;
import io.wbo.statement.TagTarget;
import io.wbo.statement.TagTargets;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** What reconciliation and bank statements see of withdrawals (W-16): the source, the tag target, the stored result. */
@WboTest
class WithdrawalReconciliationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	List<ReconciliationSource> sources;

	@Autowired
	List<TagTargets> tagTargets;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void completedPayoutsAreOfferedAndTheResultIsKeptOnTheApplication() {
		WithdrawalFixtures fx = new WithdrawalFixtures(jdbc, ledger, tx, port);
		TestHttp maker = TestHttp.operator(port, "maker");
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long id = fx.submitted(maker, c, "123.45", "5.00");
		fx.paidDirectly(id, "FPS-RECON-1");
		String serial = maker.get("/api/withdrawals/" + id).json().get("withdrawal").get("serial").asText();

		ReconciliationSource source = sources.stream().filter(s -> s.recordType().equals("WITHDRAWAL")).findFirst().orElseThrow();
		assertThat(source.direction()).isEqualTo(Direction.OUT);
		List<SystemRecord> records = new ArrayList<>();
		LocalDate today = BusinessDay.today();
		source.forEachRecord(fx.payingAccountId(), today, today, records::add);
		SystemRecord mine = records.stream().filter(r -> r.id() == id).findFirst().orElseThrow();
		assertThat(mine.amount()).isEqualByComparingTo("123.45"); // paid out, without the fee
		assertThat(mine.amount().scale()).as("at the currency's scale").isEqualTo(2);
		assertThat(source.recordsQuery()).as("the engine copies withdrawals by SQL").isPresent();
		assertThat(mine.serial()).isEqualTo(serial);
		assertThat(mine.bankReference()).isEqualTo("FPS-RECON-1");
		assertThat(mine.counterpartyAccount()).isNotBlank();
		List<SystemRecord> otherDay = new ArrayList<>();
		source.forEachRecord(fx.payingAccountId(), today.minusDays(3), today.minusDays(1), otherDay::add);
		assertThat(otherDay).noneMatch(r -> r.id() == id);

		TagTargets targets = tagTargets.stream().filter(t -> t.recordType().equals("WITHDRAWAL")).findFirst().orElseThrow();
		TagTarget bySerial = targets.find(serial).orElseThrow();
		assertThat(bySerial.id()).isEqualTo(id);
		assertThat(bySerial.completed()).isTrue();
		assertThat(bySerial.companyAccountId()).isEqualTo(fx.payingAccountId());
		assertThat(targets.find(Long.toString(id))).isPresent();
		assertThat(targets.find("W19990101-999999")).isEmpty();

		// what a run does: keep the latest result in its published state, then tell the owning module
		tx.executeWithoutResult(s -> {
			jdbc.sql("""
					INSERT INTO recon_record_state (record_type, record_id, result, reason, run_id)
					VALUES ('WITHDRAWAL', :id, 'AMOUNT_MISMATCH', 'bank shows 123.40', 7)""").param("id", id).update();
			events.publishEvent(new io.wbo.reconciliation.RecordsReconciled(List.of(new RecordReconciled("WITHDRAWAL", id, null,
					ReconciliationResult.AMOUNT_MISMATCH, "bank shows 123.40", 7, null))));
		});
		JsonNode w = maker.get("/api/withdrawals/" + id).json().get("withdrawal");
		assertThat(w.get("reconciliationResult").asText()).isEqualTo("AMOUNT_MISMATCH");
		assertThat(w.get("reconciliationReason").asText()).isEqualTo("bank shows 123.40");
		// the change is in the application's history and in the audit log, in the listener's transaction
		JsonNode history = maker.get("/api/withdrawals/" + id).json().get("history");
		assertThat(history.toString()).contains("RECONCILED_AMOUNT_MISMATCH").contains("run 7: bank shows 123.40");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'WITHDRAWAL_RECONCILED' AND entity_id = :id")
				.param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(maker.get("/api/withdrawals?reconciliation=AMOUNT_MISMATCH&customer=" + c.customerNo()).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void aPayoutIsReconciledOnTheHongKongDayItWasCompleted() {
		WithdrawalFixtures fx = new WithdrawalFixtures(jdbc, ledger, tx, port);
		long id = fx.submitted(TestHttp.operator(port, "maker"), fx.customer("1000.00"), "50.00", "0.00");
		fx.paidDirectly(id, "FPS-EARLY-1");
		// paid at 02:40 in Hong Kong on 4 December, still 3 December in UTC: the bank books it on the 4th
		jdbc.sql("UPDATE withdrawal SET completed_at = TIMESTAMPTZ '2026-12-03 18:40:00+00' WHERE id = :id").param("id", id).update();

		ReconciliationSource source = sources.stream().filter(s -> s.recordType().equals("WITHDRAWAL")).findFirst().orElseThrow();
		List<SystemRecord> fourth = new ArrayList<>();
		source.forEachRecord(fx.payingAccountId(), LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 4), fourth::add);
		assertThat(fourth).filteredOn(r -> r.id() == id).singleElement().satisfies(r -> assertThat(r.date()).isEqualTo(LocalDate.of(2026, 12, 4)));
		List<SystemRecord> third = new ArrayList<>();
		source.forEachRecord(fx.payingAccountId(), LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), third::add);
		assertThat(third).noneMatch(r -> r.id() == id);
	}
}

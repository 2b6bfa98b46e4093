package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.wbo.ledger.Ledger;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Two operators acting on the same records at once: each record is processed exactly once. */
@WboTest
class WithdrawalConcurrencyIntegrationTests extends WithdrawalIntegrationTest {

	@Test
	void twoOperatorsSubmittingTheSameRecordsSubmitEachOnce() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ids.add(fx.manual(maker, c, "10.00", "0"));
		}
		for (long id : ids) {
			fx.awaitStatus(maker, id, "RISK_PASSED");
		}
		List<Long> reversed = new ArrayList<>(ids);
		java.util.Collections.reverse(reversed);
		TestHttp one = TestHttp.operator(port, "maker");
		TestHttp admin = TestHttp.operator(port, "admin");
		admin.post("/api/operators", Map.of("username", "maker2", "displayName", "Second maker", "password", TestHttp.PASSWORD,
				"roles", List.of("MAKER")));
		TestHttp two = TestHttp.operator(port, "maker2");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<TestHttp.Response>> results = pool.invokeAll(List.<Callable<TestHttp.Response>>of(
				() -> one.post("/api/withdrawals/submit", Map.of("ids", ids)),
				() -> two.post("/api/withdrawals/submit", Map.of("ids", reversed))));
		pool.shutdown();
		int ok = 0;
		for (Future<TestHttp.Response> f : results) {
			TestHttp.Response r = f.get();
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
			for (JsonNode n : r.json().get("results")) {
				if (n.get("ok").asBoolean()) {
					ok++;
				}
				else {
					assertThat(n.get("error").asText()).contains("SUBMITTED");
				}
			}
		}
		assertThat(ok).isEqualTo(8);
		for (long id : ids) {
			Long events = jdbc.sql("SELECT count(*) FROM withdrawal_event WHERE withdrawal_id = :id AND action = 'SUBMITTED'").param("id", id)
					.query(Long.class).single();
			assertThat(events).isEqualTo(1);
		}
	}

	@Test
	void twoCheckersApprovingOneDirectPayoutApplyItOnce() throws Exception {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long id = fx.submitted(maker, c, "100.00", "1.00");
		TestHttp checker = TestHttp.operator(port, "checker");
		long wo = checker.post("/api/withdrawals/" + id + "/direct-payout", Map.of("payingAccountId", fx.payingAccountId(), "channel", "FPS"))
				.json().get("workOrder").get("id").asLong();
		TestHttp approver = TestHttp.operator(port, "approver");
		// a second person who may decide: both are neither the maker (checker) nor lacking WORK_ORDER_APPROVE
		TestHttp.operator(port, "admin").post("/api/operators", Map.of("username", "approver-two", "displayName", "Second approver",
				"password", TestHttp.PASSWORD, "roles", List.of("APPROVER")));
		TestHttp secondApprover = TestHttp.operator(port, "approver-two");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<TestHttp.Response>> results = pool.invokeAll(List.<Callable<TestHttp.Response>>of(
				() -> approver.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "a")),
				() -> secondApprover.post("/api/work-orders/" + wo + "/approve", Map.of("comment", "b"))));
		pool.shutdown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<TestHttp.Response> f : results) {
			statuses.add(f.get().status());
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(fx.status(maker, id)).isEqualTo("DIRECT_PROCESSING");
		Long approvals = jdbc.sql("SELECT count(*) FROM withdrawal_event WHERE withdrawal_id = :id AND action = 'DIRECT_PAYOUT_APPROVED'")
				.param("id", id).query(Long.class).single();
		assertThat(approvals).isEqualTo(1);

		// two results at once: one completes, the other is refused; the money leaves once
		ExecutorService pool2 = Executors.newFixedThreadPool(2);
		TestHttp checker2 = TestHttp.operator(port, "checker");
		List<Future<TestHttp.Response>> done = pool2.invokeAll(List.<Callable<TestHttp.Response>>of(
				() -> checker.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS")),
				() -> checker2.post("/api/withdrawals/" + id + "/result", Map.of("result", "SUCCESS"))));
		pool2.shutdown();
		List<Integer> codes = new ArrayList<>();
		for (Future<TestHttp.Response> f : done) {
			codes.add(f.get().status());
		}
		assertThat(codes).containsExactlyInAnyOrder(200, 409);
		assertThat(fx.balance(c.id()).frozen().text()).isEqualTo("0.00");
		assertThat(fx.balance(c.id()).available().text()).isEqualTo("899.00");
	}
}

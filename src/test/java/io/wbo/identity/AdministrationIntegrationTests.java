package io.wbo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** the system always keeps an administrator, whatever two of them do to each other at the same moment. */
@WboTest
class AdministrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long enabledAdministrators() {
		return jdbc.sql("""
				SELECT count(DISTINCT o.id) FROM operator o JOIN operator_role r ON r.operator_id = o.id
				JOIN role_permission p ON p.role_code = r.role_code WHERE o.enabled AND p.permission = 'SYSTEM_ADMIN'""")
				.query(Long.class).single();
	}

	long idOf(String username) {
		return jdbc.sql("SELECT id FROM operator WHERE username = :u").param("u", username).query(Long.class).single();
	}

	@Test
	void twoAdministratorsRemovingEachOthersRoleOrAccountAtOnceLeaveOneOfThem() throws Exception {
		TestHttp admin = TestHttp.operator(port, "admin");
		TestHttp.Response created = admin.post("/api/operators", Map.of("username", "admin2", "displayName", "Second administrator",
				"password", TestHttp.PASSWORD, "roles", List.of("SYSTEM_ADMIN")));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		TestHttp admin2 = TestHttp.operator(port, "admin2");
		long adminId = idOf("admin");
		long admin2Id = idOf("admin2");
		assertThat(enabledAdministrators()).as("only the two of them administer").isEqualTo(2);

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 12; round++) {
				boolean disable = round % 2 == 1;
				CyclicBarrier together = new CyclicBarrier(2);
				Future<TestHttp.Response> byAdmin = pool.submit(() -> {
					together.await();
					return disable ? admin.post("/api/operators/" + admin2Id + "/disable", Map.of())
							: admin.put("/api/operators/" + admin2Id + "/roles", Map.of("roles", List.of("MAKER")));
				});
				Future<TestHttp.Response> byAdmin2 = pool.submit(() -> {
					together.await();
					return disable ? admin2.post("/api/operators/" + adminId + "/disable", Map.of())
							: admin2.put("/api/operators/" + adminId + "/roles", Map.of("roles", List.of("MAKER")));
				});
				List<TestHttp.Response> answers = List.of(byAdmin.get(30, TimeUnit.SECONDS), byAdmin2.get(30, TimeUnit.SECONDS));
				assertThat(enabledAdministrators()).as("round %d: %s", round, answers).isEqualTo(1);
				List<Integer> statuses = new ArrayList<>(answers.stream().map(TestHttp.Response::status).toList());
				assertThat(statuses).as("round %d: one wins; the other is refused, by the rule or because it is no longer an administrator", round)
						.containsOnlyOnce(200);
				answers.stream().filter(r -> r.status() == 422).forEach(r -> assertThat(r.body()).contains("last-administrator"));

				// whoever still administers gives the other back what they had
				boolean adminWon = jdbc.sql("SELECT count(*) FROM operator_role WHERE operator_id = :id AND role_code = 'SYSTEM_ADMIN'")
						.param("id", adminId).query(Long.class).single() == 1
						&& jdbc.sql("SELECT enabled FROM operator WHERE id = :id").param("id", adminId).query(Boolean.class).single();
				TestHttp winner = adminWon ? admin : admin2;
				long loser = adminWon ? admin2Id : adminId;
				assertThat(winner.post("/api/operators/" + loser + "/enable", Map.of()).status()).isEqualTo(200);
				assertThat(winner.put("/api/operators/" + loser + "/roles", Map.of("roles", List.of("SYSTEM_ADMIN"))).status()).isEqualTo(200);
				assertThat(enabledAdministrators()).isEqualTo(2);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}

package io.wbo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What an engineer who runs wbo relies on: health, metrics, the API description, migrations and jobs. */
@WboTest
class PlatformIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.boot.web.server.context.WebServerApplicationContext web;

	@Test
	void healthMetricsAndApiDocsAreServed() {
		TestHttp anonymous = TestHttp.anonymous(port);
		TestHttp.Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
		assertThat(health.json().at("/components/db/status").asText()).as("the database's own status is shown").isEqualTo("UP");
		assertThat(health.body()).as("but none of its details").doesNotContain("PostgreSQL").doesNotContain("validationQuery");
		TestHttp.Response readiness = anonymous.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().at("/components/db/status").asText()).as("ready means the database answers").isEqualTo("UP");
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
		for (String hidden : new String[] { "env", "configprops", "beans", "heapdump", "threaddump", "loggers", "mappings" }) {
			assertThat(anonymous.get("/actuator/" + hidden).status()).as(hidden + " is not exposed").isEqualTo(404);
		}
		// the metrics are the monitoring system's: scraped with its token, refused to anyone else
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/prometheus", Map.of("Authorization", "Bearer test-metrics-tokeN")).status()).isEqualTo(401);
		assertThat(TestHttp.operator(port, "admin").get("/actuator/prometheus").status()).as("an operator session is no token").isEqualTo(401);
		TestHttp.Response metrics = anonymous.get("/actuator/prometheus", Map.of("Authorization", "Bearer test-metrics-token"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		TestHttp.Response docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/customers")).isTrue();
		assertThat(docs.json().get("paths").has("/app/v1/balances")).isTrue();
		assertThat(anonymous.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void forwardedHeadersAreBelievedOnlyFromAProxyOnAPrivateAddress() throws Exception {
		org.apache.catalina.Valve[] valves = ((org.springframework.boot.tomcat.TomcatWebServer) web.getWebServer()).getTomcat()
				.getEngine().getPipeline().getValves();
		org.apache.catalina.valves.RemoteIpValve remoteIp = java.util.Arrays.stream(valves)
				.filter(org.apache.catalina.valves.RemoteIpValve.class::isInstance).map(org.apache.catalina.valves.RemoteIpValve.class::cast)
				.findFirst().orElseThrow(() -> new AssertionError("no RemoteIpValve: X-Forwarded-* is read by a filter that believes anyone"));
		org.apache.catalina.util.NetMaskSet proxies = new org.apache.catalina.util.NetMaskSet();
		assertThat(proxies.addAll(remoteIp.getInternalProxies())).isEmpty();
		assertThat(proxies.contains(java.net.InetAddress.getByName("10.1.2.3"))).as("a load balancer in the private network").isTrue();
		assertThat(proxies.contains(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(proxies.contains(java.net.InetAddress.getByName("203.0.113.9")))
				.as("a client on the internet writing its own X-Forwarded-For").isFalse();
	}

	@Test
	void theSchemaComesFromFlywayAndJobsFromTheDatabase() {
		assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single()).isGreaterThanOrEqualTo(6);
		assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'idempotency-key-cleanup'").query(Long.class).single())
				.as("the recurring clean-up job is persisted by db-scheduler").isEqualTo(1);
	}

	@Test
	void unknownPathsAnswerProblemDetails() {
		TestHttp.Response r = TestHttp.operator(port, "maker").get("/api/no-such-thing");
		assertThat(r.status()).isIn(403, 404);
		assertThat(r.header("content-type")).contains("problem+json");
		assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.wbo");
	}
}

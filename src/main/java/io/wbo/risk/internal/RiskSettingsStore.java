package io.wbo.risk.internal;

import io.wbo.risk.RiskSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The one row of risk settings, as JSON, with optimistic locking on its version. */
@Component
public class RiskSettingsStore {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	RiskSettingsStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record Document(int maxWithdrawals24h, java.util.List<RiskSettings.Limit> limits, java.util.List<String> blacklistedAccounts,
			java.util.List<String> disabledRules) {
	}

	public RiskSettings load() {
		return jdbc.sql("SELECT document, version FROM risk_settings WHERE id = 1").query((rs, n) -> {
			Document d = json.readValue(rs.getString(1), Document.class);
			return new RiskSettings(d.maxWithdrawals24h(), d.limits(), d.blacklistedAccounts(), d.disabledRules(), rs.getInt(2));
		}).single();
	}

	public boolean save(RiskSettings s, int expectedVersion) {
		String doc = json.writeValueAsString(new Document(s.maxWithdrawals24h(), s.limits(), s.blacklistedAccounts(), s.disabledRules()));
		return jdbc.sql("UPDATE risk_settings SET document = :doc, version = version + 1, updated_at = now() WHERE id = 1 AND version = :v")
				.param("doc", doc).param("v", expectedVersion).update() == 1;
	}
}

package io.wbo.common;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secrets the system makes for itself on first start (e.g. the key of development customer tokens), kept in the
 * database so every instance shares them and none is ever committed to the repository.
 */
@Component
public class SystemSecrets {

	private final JdbcClient jdbc;

	SystemSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public String getOrCreate(String name) {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		jdbc.sql("INSERT INTO system_secret (name, value) VALUES (:n, :v) ON CONFLICT DO NOTHING")
				.param("n", name).param("v", HexFormat.of().formatHex(random)).update();
		return jdbc.sql("SELECT value FROM system_secret WHERE name = :n").param("n", name).query(String.class).single();
	}
}

package io.wbo.statement;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Company accounts of their own for each test (so tests never see each other's lines) and the fixture files. */
public final class StatementFixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private StatementFixtures() {
	}

	/** A fresh company account holding HKD, USD and CNY. */
	public static long account(JdbcClient jdbc) {
		String no = "TEST-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
		return jdbc.sql("""
				INSERT INTO company_account (bank_name, bank_code, account_no, account_name, currencies, channels, purpose)
				VALUES ('Test Bank', '999', :no, 'WBO Test', ARRAY['HKD','USD','CNY'], ARRAY['FPS','CHATS','TT'], 'BOTH') RETURNING id""")
				.param("no", no).query(Long.class).single();
	}

	public static byte[] file(String name) {
		try (InputStream in = StatementFixtures.class.getResourceAsStream("/statements/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}

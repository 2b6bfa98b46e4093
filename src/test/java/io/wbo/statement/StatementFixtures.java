package io.wbo.statement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

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

	public static String accountNo(JdbcClient jdbc, long account) {
		return jdbc.sql("SELECT account_no FROM company_account WHERE id = :id").param("id", account).query(String.class).single();
	}

	/**
	 * An MT940 or camt.053 fixture made a statement of the given account: its :25: or Acct/Id says that number. The
	 * files name the demo accounts; a test imports into an account of its own, and a file for another account is refused.
	 */
	public static byte[] statementOf(String name, String accountNo) {
		String number = Matcher.quoteReplacement(accountNo);
		return new String(file(name), StandardCharsets.UTF_8).replaceAll("(?m)^(:25P?:).*$", "$1" + number)
				.replaceAll("(<Acct>\\s*<Id>\\s*(?:<IBAN>|<Othr>\\s*<Id>))[^<]*", "$1" + number).getBytes(StandardCharsets.UTF_8);
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

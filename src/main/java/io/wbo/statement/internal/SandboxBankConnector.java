package io.wbo.statement.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.wbo.customer.CompanyAccount;
import io.wbo.statement.BankConnector;
import io.wbo.statement.BankLine;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox bank (development and demo only): for any company account and day it books the same handful of
 * realistic Hong Kong lines (FPS and CHATS payouts and receipts, bank charges, a few without a reference), generated
 * from the account and the date, so pulling a day twice gives the same lines and stores them once.
 */
@Component
@Profile("demo")
class SandboxBankConnector implements BankConnector {

	private static final String[][] PEOPLE = { { "CHAN TAI MAN", "陳大文" }, { "WONG SIU MING", "黃小明" }, { "LEE KA YAN", "李嘉欣" },
			{ "CHEUNG WAI KIT", "張偉傑" }, { "LAU MEI LING", "劉美玲" }, { "HO CHUN HEI", "何俊希" }, { "NG WING SZE", "吳詠詩" } };
	private static final String[] BANKS = { "004", "024", "012", "003", "015", "016" };
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public boolean supports(CompanyAccount account) {
		return account.active();
	}

	@Override
	public List<BankLine> pull(CompanyAccount account, LocalDate from, LocalDate to) {
		List<BankLine> lines = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				continue;
			}
			Random random = new Random(account.id() * 1_000_003L + day.toEpochDay());
			int count = 2 + random.nextInt(5);
			String currency = account.currencies().get(0);
			for (int i = 0; i < count; i++) {
				boolean out = !"RECEIVING".equals(account.purpose()) && ("PAYING".equals(account.purpose()) || random.nextBoolean());
				String[] person = PEOPLE[random.nextInt(PEOPLE.length)];
				String bank = BANKS[random.nextInt(BANKS.length)];
				String cpAccount = bank + "-" + (100 + random.nextInt(900)) + "-" + (100000 + random.nextInt(900000)) + "-001";
				BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(200_000)).add(BigDecimal.valueOf(random.nextInt(100), 2));
				boolean charge = i == count - 1 && random.nextInt(4) == 0;
				String channel = amount.compareTo(BigDecimal.valueOf(100_000)) > 0 ? "CHATS" : "FPS";
				String reference = random.nextInt(10) == 0 ? null : "SBX" + day.format(DAY) + account.id() + String.format("%03d", i);
				if (charge) {
					lines.add(new BankLine("OUT", "35.00", currency, day.toString(), day.toString(), reference, null, null, null, "BANK CHARGES"));
					continue;
				}
				lines.add(new BankLine(out ? "OUT" : "IN", amount.toPlainString(), currency, day.toString(), day.toString(), reference,
						random.nextBoolean() ? person[0] : person[1], cpAccount, bank, (out ? channel + " PAYMENT TO " : channel + " CREDIT FROM ") + person[0]));
			}
		}
		return lines;
	}
}

package io.wbo.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.wbo.reconciliation.Direction;
import io.wbo.reconciliation.ReconciliationSource;
import io.wbo.reconciliation.SystemRecord;
import org.springframework.stereotype.Component;

/**
 * Generated bank lines and system records for the statement benchmark, record i and line i describing the same payout:
 * 90 % carry a bank reference, 10 % must be matched by amount, counterparty and date (up to 2 days apart); per 100:
 * 2 amount mismatches, 2 missing in the bank, 1 missing in the system, the rest match; the lines run day by day over
 * four weeks. Records are generated on the fly (a source for the accounts the benchmark registers), never held in memory.
 */
@Component
public class BenchStatementData implements ReconciliationSource {

	static final LocalDate BASE = LocalDate.of(2033, 1, 1);
	static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	static final String HEADER = "Date,Value Date,Description,Reference,Counterparty,Counterparty Account,Withdrawal,Deposit,Balance,Currency\n";

	private final Map<Long, Integer> sizes = new ConcurrentHashMap<>();

	void register(long accountId, int n) {
		sizes.put(accountId, n);
	}

	static BigDecimal amount(int i) {
		return BigDecimal.valueOf(10_000 + (i * 7919L) % 9_000_000, 2);
	}

	static String ref(int i) {
		return i % 10 == 0 ? null : "BR" + i;
	}

	/** Record i of n falls on day i·28/n of the four weeks: a statement lists its lines day by day, as banks write them. */
	static LocalDate recordDate(int i, int n) {
		return BASE.plusDays((long) i * 28 / n);
	}

	static boolean hasLine(int i) {
		int c = i % 100;
		return c != 2 && c != 5;
	}

	static boolean hasRecord(int i) {
		return i % 100 != 3;
	}

	static void writeCsv(Path file, int n) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			for (int i = 0; i < n; i++) {
				if (!hasLine(i)) {
					continue;
				}
				int c = i % 100;
				BigDecimal amount = amount(i);
				if (c == 1) {
					amount = amount.add(BigDecimal.ONE);
				}
				else if (c == 10) {
					amount = amount.add(BigDecimal.valueOf(5));
				}
				LocalDate date = ref(i) == null ? recordDate(i, n).plusDays(i % 3) : recordDate(i, n);
				String d = date.format(DMY);
				String ref = ref(i) == null ? "" : ref(i);
				out.write(d + "," + d + ",FPS PAYOUT," + ref + ",CUSTOMER " + i + ",004-" + i + "," + amount.toPlainString() + ",,0,HKD\n");
			}
		}
	}

	@Override
	public String recordType() {
		return "BENCH";
	}

	@Override
	public Direction direction() {
		return Direction.OUT;
	}

	@Override
	public void forEachRecord(long companyAccountId, LocalDate from, LocalDate to, Consumer<SystemRecord> consumer) {
		Integer n = sizes.get(companyAccountId);
		if (n == null) {
			return;
		}
		for (int i = 0; i < n; i++) {
			if (!hasRecord(i)) {
				continue;
			}
			LocalDate date = recordDate(i, n);
			if (date.isBefore(from) || date.isAfter(to)) {
				continue;
			}
			consumer.accept(new SystemRecord("BENCH", 1_000_000_000L * companyAccountId + i, "BW" + i, "HKD", amount(i), date, "004-" + i, ref(i), null));
		}
	}
}

package io.wbo.ledger.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.ValueNames;
import io.wbo.ledger.TransferView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A customer's transfers (帳本流水) as a file, newest first, in the tab's words: read in keyset pages, so the
 * memory stays flat however many there are (X-8).
 */
@Component
public class TransferExports {

	static final List<String> HEADERS = List.of("ID", "Time (HKT) 時間", "Kind 類型", "Currency 幣種", "Amount 金額", "From 轉出", "To 轉入",
			"Record 業務單據", "Actor 操作人", "IP 地址");
	private static final int PAGE = 1000;

	private final LedgerStore store;

	TransferExports(LedgerStore store) {
		this.store = store;
	}

	public long export(long customerId, @Nullable Asset asset, ExportFormat format, OutputStream out, MessageCatalog.Language language)
			throws IOException {
		ValueNames names = ValueNames.get();
		String customer = Long.toString(customerId);
		return Exports.write(format, out, "Ledger transfers", HEADERS, sink -> {
			Long before = null;
			do {
				CursorPage<TransferView> page = store.transfersOf(customerId, asset, PAGE, before);
				for (TransferView t : page.items()) {
					sink.accept(new Object[] { t.id(), t.at(), names.name("ledger.kind", t.kind(), language), t.asset(), new BigDecimal(t.amount()),
							account(t.debit(), customer, names, language), account(t.credit(), customer, names, language),
							t.referenceType() == null ? null : t.referenceType() + " " + (t.referenceId() == null ? "" : t.referenceId()),
							actor(t.actor(), names, language), t.ip() });
				}
				before = page.next() == null ? null : Long.valueOf(page.next());
			}
			while (before != null);
		});
	}

	/**
	 * As the tab and the audit page say it: {@code OPERATOR:12:maker} is "maker (操作員)". A label of another shape is
	 * written as it is.
	 */
	static @Nullable String actor(@Nullable String label, ValueNames names, MessageCatalog.Language language) {
		String[] parts = label == null ? new String[0] : label.split(":", 3);
		if (parts.length < 3 || !names.names("actor.kind", parts[0])) {
			return label;
		}
		String who = parts[2].isEmpty() || "-".equals(parts[2]) ? "#" + parts[1] : parts[2];
		return who + " (" + names.name("actor.kind", parts[0], language) + ")";
	}

	/** As the tab says it: the customer's own account by its kind, another customer's with their id, a bank account with its id. */
	static String account(TransferView.Account a, String customer, ValueNames names, MessageCatalog.Language language) {
		String kind = names.name("ledger.account", a.kind(), language);
		if ("CUSTOMER".equals(a.ownerType())) {
			return a.ownerRef().equals(customer) ? kind : names.name("ledger.owner", "CUSTOMER", language) + " #" + a.ownerRef() + " " + kind;
		}
		return a.ownerRef().startsWith("COMPANY_BANK:") ? kind + " #" + a.ownerRef().substring("COMPANY_BANK:".length()) : kind;
	}
}

package io.wbo.statement.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.wbo.common.Asset;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.ValueNames;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exports what the statement list's filter selects, streamed from a cursor. */
@Service
class StatementExports {

	static final List<String> HEADERS = List.of("ID", "Bank 銀行", "Account 帳號", "Direction 方向", "Amount 金額", "Currency 幣種", "Booking date 記帳日",
			"Value date 起息日", "Bank reference 銀行流水號", "Counterparty 對方戶名", "Counterparty account 對方帳號", "Counterparty bank 對方銀行",
			"Description 摘要", "Source 來源", "Status 匹配狀態", "Matched record 匹配記錄", "Reconciliation 對帳結果", "Reason 原因", "Remark 備註");

	private final StatementStore store;
	private final Customers customers;

	StatementExports(StatementStore store, Customers customers) {
		this.store = store;
		this.customers = customers;
	}

	@Transactional(readOnly = true)
	/** Codes and reconciliation reasons in the reader's language. */
	public long export(StatementStore.Filter filter, ExportFormat format, OutputStream out, MessageCatalog.Language language) throws IOException {
		UnaryOperator<String> say = MessageCatalog.get().sayer(language);
		ValueNames names = ValueNames.get();
		// the company account as the bank and the reader know it (bank, account number), not the row id of the table
		Map<Long, CompanyAccount> accounts = customers.companyAccounts().stream()
				.collect(Collectors.toMap(CompanyAccount::id, Function.identity()));
		return Exports.write(format, out, "Statement lines", HEADERS, sink -> store.forEach(filter, l -> {
			try {
				CompanyAccount account = accounts.get(l.accountId());
				sink.accept(new Object[] { l.id(), account == null ? null : account.bankName(),
						account == null ? Long.toString(l.accountId()) : account.accountNo(), names.name("statement.direction", l.direction().name(), language), l.amount().setScale(Asset.of(l.currency()).scale(), RoundingMode.UNNECESSARY),
						l.currency(), l.bookingDate(), l.valueDate(), l.bankReference(), l.counterpartyName(), l.counterpartyAccount(),
						l.counterpartyBank(), l.description(), names.name("statement.source", l.source(), language), names.name("statement.status", l.status().name(), language),
						l.recordSerial(), names.name("reconciliation.result", l.reconResult(), language), l.reconReason() == null ? null : say.apply(l.reconReason()), l.remark() });
			}
			catch (RuntimeException e) {
				throw e;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}));
	}
}

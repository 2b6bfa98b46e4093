package io.wbo.withdrawal.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.export.ExportFormat;
import io.wbo.common.export.Exports;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's payment file of an approved payout (W-10): CSV, XLSX or ISO 20022 pain.001.001.09. A batch file lists
 * every item whose payout order was approved; a direct payout's file lists its one order.
 */
@Component
class PayoutFiles {

	private final JdbcClient jdbc;
	private final Customers customers;

	PayoutFiles(JdbcClient jdbc, Customers customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	static final List<String> HEADERS = List.of("End-to-end id", "Currency", "Amount", "Payee", "Payee account", "Payee bank code",
			"Payee bank", "Channel", "Paying account", "Bank reference");

	private static final String ITEMS = """
			SELECT w.serial, w.currency, w.amount, w.card_holder_name, w.card_account_no, w.card_bank_code, w.card_bank_name,
			       p.channel, p.paying_account_id, p.bank_reference, w.remark
			FROM withdrawal_payout p JOIN withdrawal w ON w.id = p.withdrawal_id
			WHERE %s AND p.status IN ('PROCESSING', 'SUCCEEDED', 'FAILED')
			ORDER BY w.id""";

	record Row(String serial, String currency, BigDecimal amount, String payee, String account, String bankCode, String bankName,
			String channel, long payingAccountId, @Nullable String bankReference, @Nullable String remark) {
	}

	@Transactional(readOnly = true)
	public void forBatch(long batchId, @Nullable String format, HttpServletResponse response) throws IOException {
		Map<String, Object> batch = jdbc.sql("SELECT serial, status FROM payout_batch WHERE id = :id").param("id", batchId).query()
				.listOfRows().stream().findFirst().orElseThrow(() -> DomainException.notFound("payout batch", batchId));
		List<Row> rows = rows(ITEMS.formatted("p.batch_id = :id"), batchId);
		if (rows.isEmpty()) {
			throw DomainException.rule("not-approved", "payout batch " + batch.get("serial") + " is " + batch.get("status")
					+ ": its file exists once the batch payout is approved");
		}
		write((String) batch.get("serial"), rows, format, response);
	}

	@Transactional(readOnly = true)
	public void forWithdrawal(long withdrawalId, @Nullable String format, HttpServletResponse response) throws IOException {
		Map<String, Object> w = jdbc.sql("SELECT serial, status, payout_id FROM withdrawal WHERE id = :id").param("id", withdrawalId)
				.query().listOfRows().stream().findFirst().orElseThrow(() -> DomainException.notFound("withdrawal", withdrawalId));
		List<Row> rows = w.get("payout_id") == null ? List.of() : rows(ITEMS.formatted("p.id = :id"), (Long) w.get("payout_id"));
		if (rows.isEmpty()) {
			throw DomainException.rule("not-approved", "withdrawal " + w.get("serial") + " is " + w.get("status")
					+ ": its payout file exists once the payout is approved");
		}
		write((String) w.get("serial"), rows, format, response);
	}

	private List<Row> rows(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query((rs, n) -> {
			Asset asset = Asset.of(rs.getString(2));
			return new Row(rs.getString(1), asset.code(), rs.getBigDecimal(3).setScale(asset.scale()), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11));
		}).list();
	}

	private void write(String name, List<Row> rows, @Nullable String format, HttpServletResponse response) throws IOException {
		String f = format == null ? "csv" : format.trim().toLowerCase(Locale.ROOT);
		CompanyAccount paying = customers.companyAccounts().stream().filter(a -> a.id() == rows.get(0).payingAccountId()).findFirst()
				.orElseThrow(() -> DomainException.notFound("company account", rows.get(0).payingAccountId()));
		if (f.equals("pain001")) {
			response.setContentType("application/xml");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename(name + "-pain.001.001.09.xml", StandardCharsets.UTF_8).build().toString());
			Pain001Writer.write(response.getOutputStream(), name, new Pain001Writer.Debtor(paying.accountName(), paying.accountNo(),
					paying.bankCode(), paying.bankName()), rows.get(0).channel(), BusinessDay.today(),
					rows.stream().map(r -> new Pain001Writer.Item(r.serial(), r.currency(), r.amount(), r.payee(), r.account(), r.bankCode(),
							r.bankName(), r.remark())).toList());
			return;
		}
		ExportFormat export = switch (f) {
			case "csv" -> ExportFormat.CSV;
			case "xlsx" -> ExportFormat.XLSX;
			default -> throw InvalidInputException.of("format", "must be csv, xlsx or pain001");
		};
		Exports.prepare(response, export, name + "-payout." + export.extension());
		Exports.write(export, response.getOutputStream(), "Payout", HEADERS, sink -> {
			for (Row r : rows) {
				sink.accept(new Object[] { r.serial(), r.currency(), r.amount(), r.payee(), r.account(), r.bankCode(), r.bankName(),
						r.channel(), paying.accountNo(), r.bankReference() });
			}
		});
	}
}

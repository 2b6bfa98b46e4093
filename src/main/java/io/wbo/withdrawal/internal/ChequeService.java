package io.wbo.withdrawal.internal;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.BusinessDay;
import io.wbo.common.CursorPage;
import io.wbo.common.InvalidInputException;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customers;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支票列印 (W-12): completed cheque-channel withdrawals, printed first (首打) once and reprinted (補打) with a reason,
 * each print with its own cheque number, kept as the print history and audited. All items of a request print, or none.
 */
@Service
class ChequeService {

	private final JdbcClient jdbc;
	private final Customers customers;
	private final AuditLog audit;

	ChequeService(JdbcClient jdbc, Customers customers, AuditLog audit) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.audit = audit;
	}

	record ChequeRow(long withdrawalId, String serial, String customerNo, String customerName, String payee, String currency,
			String amount, @Nullable Long payingAccountId, @Nullable Instant completedAt, int prints, @Nullable String lastChequeNumber,
			@Nullable Instant lastPrintedAt) {
	}

	/** Completed withdrawals paid by cheque; {@code printed=false} lists those never printed. */
	@Transactional(readOnly = true)
	public CursorPage<ChequeRow> list(@Nullable Boolean printed, @Nullable String serial, int size, @Nullable Long after) {
		List<ChequeRow> rows = jdbc.sql("""
				SELECT w.id, w.serial, w.customer_no, w.customer_name, w.card_holder_name, w.currency, w.amount, w.paying_account_id,
				       w.completed_at, count(p.id) AS prints,
				       (SELECT cheque_number FROM withdrawal_cheque_print x WHERE x.withdrawal_id = w.id ORDER BY x.id DESC LIMIT 1) AS last_no,
				       max(p.printed_at) AS last_at
				FROM withdrawal w LEFT JOIN withdrawal_cheque_print p ON p.withdrawal_id = w.id
				WHERE w.channel = 'CHEQUE' AND w.status IN ('COMPLETED', 'RETURNED')
				  AND (CAST(:serial AS text) IS NULL OR w.serial LIKE :serial || '%')
				  AND (CAST(:after AS bigint) IS NULL OR w.id < :after)
				GROUP BY w.id
				HAVING CAST(:printed AS boolean) IS NULL OR (count(p.id) > 0) = :printed
				ORDER BY w.id DESC LIMIT :limit""")
				.param("serial", serial == null || serial.isBlank() ? null : serial.trim()).param("after", after)
				.param("printed", printed).param("limit", size + 1)
				.query((rs, n) -> {
					Asset a = Asset.of(rs.getString("currency"));
					java.sql.Timestamp completed = rs.getTimestamp("completed_at");
					java.sql.Timestamp last = rs.getTimestamp("last_at");
					return new ChequeRow(rs.getLong("id"), rs.getString("serial"), rs.getString("customer_no"), rs.getString("customer_name"),
							rs.getString("card_holder_name"), a.code(), rs.getBigDecimal("amount").setScale(a.scale()).toPlainString(),
							(Long) rs.getObject("paying_account_id"), completed == null ? null : completed.toInstant(), rs.getInt("prints"),
							rs.getString("last_no"), last == null ? null : last.toInstant());
				}).list();
		return CursorPage.of(new ArrayList<>(rows), size, r -> Long.toString(r.withdrawalId()));
	}

	record PrintItem(@Nullable Long withdrawalId, @Nullable String chequeNumber) {
	}

	/** Records the prints and returns the PDF (one cheque per page). */
	@Transactional
	public byte[] print(@Nullable List<PrintItem> items, boolean reprint, @Nullable String reason, Actor actor) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (items == null || items.isEmpty()) {
			throw InvalidInputException.of("items", "must list at least one cheque");
		}
		if (items.size() > 500) {
			throw InvalidInputException.of("items", "at most 500 cheques per print");
		}
		errors.require(!reprint || reason != null && !reason.isBlank(), "reason", "is required for a reprint (補打)");
		Set<Long> ids = new HashSet<>();
		Set<String> numbers = new HashSet<>();
		List<ChequePdf.Cheque> cheques = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			PrintItem item = items.get(i);
			String field = "items[" + i + "]";
			if (item.withdrawalId() == null || !ids.add(item.withdrawalId())) {
				errors.add(field + ".withdrawalId", item.withdrawalId() == null ? "is required" : "is listed twice");
				continue;
			}
			String number = item.chequeNumber() == null ? "" : item.chequeNumber().trim();
			if (!number.matches("[0-9A-Za-z-]{1,30}") || !numbers.add(number)) {
				errors.add(field + ".chequeNumber", number.isEmpty() ? "is required" : "must be a unique cheque number (letters, digits, -)");
				continue;
			}
			Map<String, Object> w = jdbc.sql("""
					SELECT w.serial, w.status, w.channel, w.card_holder_name, w.currency, w.amount, w.paying_account_id,
					       (SELECT count(*) FROM withdrawal_cheque_print p WHERE p.withdrawal_id = w.id) AS prints,
					       (SELECT count(*) FROM withdrawal_cheque_print p WHERE p.cheque_number = :no) AS used
					FROM withdrawal w WHERE w.id = :id FOR UPDATE OF w""").param("id", item.withdrawalId()).param("no", number)
					.query().listOfRows().stream().findFirst().orElse(null);
			if (w == null) {
				errors.add(field + ".withdrawalId", "withdrawal " + item.withdrawalId() + " not found");
				continue;
			}
			long prints = ((Number) w.get("prints")).longValue();
			if (!"CHEQUE".equals(w.get("channel"))) {
				errors.add(field + ".withdrawalId", w.get("serial") + " is not paid by cheque");
			}
			else if (!"COMPLETED".equals(w.get("status"))) {
				errors.add(field + ".withdrawalId", w.get("serial") + " is " + w.get("status") + "; a cheque is printed once the withdrawal is COMPLETED");
			}
			else if (!reprint && prints > 0) {
				errors.add(field + ".withdrawalId", w.get("serial") + " was already printed; use a reprint (補打) with a reason");
			}
			else if (reprint && prints == 0) {
				errors.add(field + ".withdrawalId", w.get("serial") + " was never printed; print it first (首打)");
			}
			else if (((Number) w.get("used")).longValue() > 0) {
				errors.add(field + ".chequeNumber", "cheque number " + number + " was already used");
			}
			else {
				Asset a = Asset.of((String) w.get("currency"));
				CompanyAccount paying = customers.requireCompanyAccount(((Number) w.get("paying_account_id")).longValue(), field);
				cheques.add(new ChequePdf.Cheque(number, (String) w.get("serial"), (String) w.get("card_holder_name"), a.code(),
						((java.math.BigDecimal) w.get("amount")).setScale(a.scale()), BusinessDay.today(), paying.bankName(),
						paying.accountNo(), reprint));
			}
		}
		errors.throwIfAny();
		List<AuditRecord> records = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			long id = items.get(i).withdrawalId();
			String number = items.get(i).chequeNumber().trim();
			jdbc.sql("""
					INSERT INTO withdrawal_cheque_print (withdrawal_id, cheque_number, reprint, reason, printed_by)
					VALUES (:id, :no, :reprint, :reason, :by)""").param("id", id).param("no", number).param("reprint", reprint)
					.param("reason", reprint ? reason.trim() : null).param("by", actor.name()).update();
			jdbc.sql("INSERT INTO withdrawal_event (withdrawal_id, actor, action, remark) VALUES (:id, :actor, :action, :remark)")
					.param("id", id).param("actor", actor.name()).param("action", reprint ? "CHEQUE_REPRINTED" : "CHEQUE_PRINTED")
					.param("remark", "cheque " + number + (reprint ? ": " + reason.trim() : "")).update();
			records.add(AuditRecord.of(actor, reprint ? "WITHDRAWAL_CHEQUE_REPRINTED" : "WITHDRAWAL_CHEQUE_PRINTED", WithdrawalService.ENTITY,
					id, List.of(FieldChange.set("chequeNumber", number))).withRemark(reprint ? reason.trim() : null));
		}
		audit.recordAll(records);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		ChequePdf.write(pdf, cheques);
		return pdf.toByteArray();
	}
}

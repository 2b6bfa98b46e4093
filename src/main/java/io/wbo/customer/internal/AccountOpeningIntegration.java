package io.wbo.customer.internal;

import java.time.Instant;
import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.export.TableWriter;
import io.wbo.customer.Customer;
import io.wbo.customer.OpeningStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what the account-opening system reports: a customer's opening status and securities account, creating the
 * customer on first report. Each change audited as done by the integration. Reports apply in the order they were
 * signed: one signed before the last applied (sent again by someone who recorded it, or delivered late) is refused, or
 * it would put back a status the customer has left.
 */
@Service
class AccountOpeningIntegration {

	private final CustomerStore store;
	private final AuditLog audit;

	AccountOpeningIntegration(CustomerStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	record Report(@Nullable String customerNo, @Nullable String status, @Nullable String accountNo, @Nullable String nameEn,
			@Nullable String nameZh, @Nullable String phone, @Nullable String email) {
	}

	@Transactional
	public Customer apply(Report report, Actor integration, Instant signedAt) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector()
				.require(report.customerNo() != null && !report.customerNo().isBlank(), "customerNo", "is required");
		OpeningStatus status = errors.attempt(() -> {
			try {
				return OpeningStatus.valueOf(String.valueOf(report.status()));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("status", "must be one of OPENING, OPENED, REJECTED, CLOSED");
			}
		});
		errors.require(status != OpeningStatus.OPENED || report.accountNo() != null || store.byNo(String.valueOf(report.customerNo()))
				.map(c -> c.accountNo() != null).orElse(false), "accountNo", "is required when the account is opened");
		errors.throwIfAny();
		Customer existing = store.byNo(report.customerNo()).orElse(null);
		if (existing == null) {
			if (report.nameEn() == null || report.nameEn().isBlank()) {
				throw InvalidInputException.of("nameEn", "is required for a customer not known yet");
			}
			long id = store.insert(report.customerNo(), report.nameEn(), report.nameZh(), report.phone(), report.email(),
					report.accountNo(), status, signedAt);
			audit.record(AuditRecord.of(integration, "CUSTOMER_CREATED", "Customer", id, List.of(
					FieldChange.set("customerNo", report.customerNo()), FieldChange.set("openingStatus", status),
					FieldChange.set("accountNo", report.accountNo()))));
			return store.byId(id).orElseThrow();
		}
		if (!store.updateOpening(existing.id(), status, report.accountNo(), signedAt)) {
			Instant applied = store.openingReportedAt(existing.id());
			throw DomainException.conflict("a later report for customer " + existing.customerNo() + ", signed at "
					+ TableWriter.HONG_KONG_TIME.format(applied) + " (Hong Kong time), was already applied");
		}
		audit.record(AuditRecord.of(integration, "CUSTOMER_OPENING_STATUS_CHANGED", "Customer", existing.id(), new FieldChange.Diff()
				.field("openingStatus", existing.openingStatus(), status)
				.field("accountNo", existing.accountNo(), report.accountNo() == null ? existing.accountNo() : report.accountNo())
				.changes()));
		return store.byId(existing.id()).orElseThrow();
	}
}

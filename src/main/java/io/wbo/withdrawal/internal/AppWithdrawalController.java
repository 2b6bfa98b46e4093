package io.wbo.withdrawal.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wbo.app.AppCustomer;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.files.FileSummary;
import io.wbo.files.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's withdrawals in the APP (W-1). Creation goes through the idempotency filter (Idempotency-Key); a
 * customer sees only their own applications, and another customer's id is simply not found.
 */
@RestController
class AppWithdrawalController {

	private final WithdrawalService service;
	private final WithdrawalQueries queries;
	private final WithdrawalProofs proofs;

	AppWithdrawalController(WithdrawalService service, WithdrawalQueries queries, WithdrawalProofs proofs) {
		this.service = service;
		this.queries = queries;
		this.proofs = proofs;
	}

	/** {@code proofIds}: the customer's own uploads ({@code POST /app/v1/files}). */
	@Schema(name = "AppWithdrawalBody")
	record CreateBody(@Nullable String currency, @Nullable String amount, @Nullable Long bankCardId, @Nullable String remark,
			@Nullable List<Long> proofIds) {
	}

	/**
	 * What the customer sees: no internal reasons or operator names. Of the proofs, only the customer's own uploads
	 * (those an operator attached stay in the back office).
	 */
	record AppWithdrawal(long id, String serial, String currency, String amount, String fee, String bankName, String accountNo,
			@Nullable String remark, String status, Instant createdAt, @Nullable Instant completedAt, List<FileSummary> proofs) {

		static AppWithdrawal of(WithdrawalQueries.View v, List<StoredFile> proofs, AppCustomer me) {
			return new AppWithdrawal(v.id(), v.serial(), v.currency(), v.amount(), v.fee(), v.bankCard().bankName(),
					io.wbo.common.Masking.accountNo(v.bankCard().accountNo()), v.remark(), v.status().name(), v.createdAt(), v.completedAt(),
					ownProofs(proofs, me));
		}

		/** A new application as the creation stored it (nothing has happened to it since). */
		static AppWithdrawal created(Withdrawal w, List<StoredFile> proofs, AppCustomer me) {
			return new AppWithdrawal(w.id(), w.serial(), w.currency().code(), w.amount().text(), w.fee().text(), w.card().bankName(),
					io.wbo.common.Masking.accountNo(w.card().accountNo()), w.remark(), w.status().name(), w.createdAt(), null,
					ownProofs(proofs, me));
		}

		private static List<FileSummary> ownProofs(List<StoredFile> proofs, AppCustomer me) {
			return proofs.stream().filter(f -> f.uploadedBy(me.actor())).map(FileSummary::of).toList();
		}
	}

	@PostMapping("/app/v1/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	AppWithdrawal create(@RequestBody CreateBody body, AppCustomer me) {
		Withdrawal created = service.create(me.id(), new WithdrawalService.Application(body.currency(), body.amount(), null,
				body.bankCardId(), body.remark(), body.proofIds()), "APP", me.actor());
		// a new application has exactly the proofs it was given: none to look up when none were given
		boolean withProofs = body.proofIds() != null && !body.proofIds().isEmpty();
		return AppWithdrawal.created(created, withProofs ? proofs.current(created.id()) : List.of(), me);
	}

	/** Mine, newest first; {@code status} (one or several, comma-separated) and {@code currency} narrow the list. */
	@GetMapping("/app/v1/withdrawals")
	CursorPage<AppWithdrawal> list(AppCustomer me, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String currency) {
		// a deleted application does not exist for its customer (404 by id): no state to ask for either
		for (String asked : status == null ? new String[0] : status.split(",")) {
			if ("DELETED".equals(asked.trim())) {
				throw InvalidInputException.of("status", "unknown state '" + asked.trim() + "'");
			}
		}
		WithdrawalQueries.Filter mine = new WithdrawalQueries.Filter(null, null, currency, status, null, null, null, null, null, null, null,
				null, null, null);
		CursorPage<WithdrawalQueries.View> page = queries.listOfCustomer(me.id(), mine, CursorPage.size(size), CursorPage.afterId(after));
		Map<Long, List<StoredFile>> attached = proofs.current(page.items().stream().map(WithdrawalQueries.View::id).toList());
		return page.map(v -> AppWithdrawal.of(v, attached.getOrDefault(v.id(), List.of()), me));
	}

	@GetMapping("/app/v1/withdrawals/{id}")
	AppWithdrawal get(@PathVariable long id, AppCustomer me) {
		WithdrawalQueries.View v = queries.find(id).filter(w -> w.customerId() == me.id() && !"DELETED".equals(w.status().name()))
				.orElseThrow(() -> DomainException.notFound("withdrawal", id));
		return AppWithdrawal.of(v, proofs.current(id), me);
	}

}

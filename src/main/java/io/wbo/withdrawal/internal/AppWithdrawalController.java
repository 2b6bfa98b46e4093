package io.wbo.withdrawal.internal;

import java.time.Instant;

import io.wbo.app.AppCustomer;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
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

	AppWithdrawalController(WithdrawalService service, WithdrawalQueries queries) {
		this.service = service;
		this.queries = queries;
	}

	record CreateBody(@Nullable String currency, @Nullable String amount, @Nullable Long bankCardId, @Nullable String remark) {
	}

	/** What the customer sees: no internal reasons or operator names. */
	record AppWithdrawal(long id, String serial, String currency, String amount, String fee, String bankName, String accountNo,
			@Nullable String remark, String status, Instant createdAt, @Nullable Instant completedAt) {

		static AppWithdrawal of(WithdrawalQueries.View v) {
			String masked = io.wbo.common.Masking.accountNo(v.bankCard().accountNo());
			return new AppWithdrawal(v.id(), v.serial(), v.currency(), v.amount(), v.fee(), v.bankCard().bankName(), masked, v.remark(),
					v.status().name(), v.createdAt(), v.completedAt());
		}
	}

	@PostMapping("/app/v1/withdrawals")
	@ResponseStatus(HttpStatus.CREATED)
	AppWithdrawal create(@RequestBody CreateBody body, AppCustomer me) {
		long id = service.create(me.id(), new WithdrawalService.Application(body.currency(), body.amount(), null, body.bankCardId(),
				body.remark()), "APP", me.actor());
		return AppWithdrawal.of(queries.view(id));
	}

	@GetMapping("/app/v1/withdrawals")
	CursorPage<AppWithdrawal> list(AppCustomer me, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		WithdrawalQueries.Filter mine = new WithdrawalQueries.Filter(null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
		return queries.listOfCustomer(me.id(), mine, CursorPage.size(size), CursorPage.afterId(after)).map(AppWithdrawal::of);
	}

	@GetMapping("/app/v1/withdrawals/{id}")
	AppWithdrawal get(@PathVariable long id, AppCustomer me) {
		WithdrawalQueries.View v = queries.find(id).filter(w -> w.customerId() == me.id() && !"DELETED".equals(w.status().name()))
				.orElseThrow(() -> DomainException.notFound("withdrawal", id));
		return AppWithdrawal.of(v);
	}

}

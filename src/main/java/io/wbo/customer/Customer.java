package io.wbo.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A customer of the broker and their securities account. */
public record Customer(long id, String customerNo, String nameEn, @Nullable String nameZh, @Nullable String phone,
		@Nullable String email, @Nullable String accountNo, OpeningStatus openingStatus, boolean frozen, Instant createdAt) {

	/** Whether money may leave the account: opened and not frozen. */
	public boolean mayWithdraw() {
		return openingStatus == OpeningStatus.OPENED && !frozen;
	}

	public String label() {
		return customerNo + " " + nameEn + (nameZh == null ? "" : " " + nameZh);
	}
}

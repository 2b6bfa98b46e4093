package io.wbo.customer;

/** Account-opening status: 開戶中, 已開戶, 開戶失敗, closed. */
public enum OpeningStatus {
	OPENING, OPENED, REJECTED, CLOSED
}

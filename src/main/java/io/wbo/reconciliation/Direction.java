package io.wbo.reconciliation;

/** Money into the broker's account (deposits, IN 入帳) or out of it (withdrawals, OUT 出帳). */
public enum Direction {
	IN, OUT
}

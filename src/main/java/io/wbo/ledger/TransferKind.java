package io.wbo.ledger;

/** Why money moved; kept on every transfer so the books read like the business. */
public enum TransferKind {
	CREDIT,
	FREEZE,
	UNFREEZE,
	DEBIT_FROZEN,
	FEE,
	ADJUSTMENT
}

package io.wbo.approval;

/** PENDING → APPROVED / REJECTED / CANCELLED (SPEC X-3). */
public enum WorkOrderStatus {
	PENDING, APPROVED, REJECTED, CANCELLED;

	public boolean isFinal() {
		return this != PENDING;
	}
}

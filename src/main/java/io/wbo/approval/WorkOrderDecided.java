package io.wbo.approval;

/**
 * Published when a work order reaches a final decision, inside the transaction of that decision. Owning modules
 * listen (synchronously, {@code @EventListener}) and apply the change in the same transaction, so the decision and
 * its effect commit together exactly once — or, if applying fails, neither does and the checker sees why.
 */
public record WorkOrderDecided(long workOrderId, String type, String subjectType, String subjectId, WorkOrderStatus status,
		String payload, long makerId, long deciderId, String deciderName, String comment) {

	public boolean approved() {
		return status == WorkOrderStatus.APPROVED;
	}

	public boolean is(String workOrderType) {
		return type.equals(workOrderType);
	}
}

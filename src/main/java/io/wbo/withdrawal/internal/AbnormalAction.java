package io.wbo.withdrawal.internal;

/** The four ways of handling an abnormal withdrawal (W-13), each applied only after a second person's review. */
enum AbnormalAction {
	/** 轉成功: the money did reach the customer; complete the application. */
	TO_SUCCESS,
	/** 轉失敗: the payout will not happen; the frozen funds return to the customer's available balance. */
	TO_FAILURE,
	/** 再付款: a new payout order for the same application. */
	REPAY,
	/** 重提交: the same payout order goes to the channel again. */
	RESUBMIT
}

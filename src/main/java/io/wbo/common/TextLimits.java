package io.wbo.common;

/** How long the free text of an operator's command may be, the same in every module (checked with Collector.atMost). */
public final class TextLimits {

	/** A reason or a remark: what an auditor reads with the change. */
	public static final int REMARK = 500;

	/** A bank's reference of a transfer: what banks send fits 35. */
	public static final int BANK_REFERENCE = 100;

	private TextLimits() {
	}
}

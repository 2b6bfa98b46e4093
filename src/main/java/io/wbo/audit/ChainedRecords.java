package io.wbo.audit;

import org.jspecify.annotations.Nullable;

/**
 * Records of another module that are their own audit records, hash-chained by that module (ledger transfers): the
 * audit log's verification walks them together with its own chains and reports what it found.
 */
public interface ChainedRecords {

	/**
	 * One walk: which records ({@code "ledger transfers"}), how many were checked, how many are not in a chain yet
	 * (written in the last moments: checked by a later walk), and the first broken one with why (both null when every
	 * chain holds).
	 */
	record Check(String records, long checked, long pending, @Nullable Long firstBrokenId, @Nullable String reason) {

		public boolean ok() {
			return reason == null;
		}
	}

	Check verify();
}

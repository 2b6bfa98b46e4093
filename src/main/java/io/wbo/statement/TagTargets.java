package io.wbo.statement;

import java.util.Optional;

import io.wbo.reconciliation.Direction;

/** Implemented by a module whose records bank lines can be tagged to (withdrawals for outflow lines). */
public interface TagTargets {

	String recordType();

	/** The direction of the bank lines its records may be tagged to: a withdrawal left the account, so only an outflow. */
	Direction direction();

	/** Finds a record by its id or serial number. */
	Optional<TagTarget> find(String idOrSerial);
}

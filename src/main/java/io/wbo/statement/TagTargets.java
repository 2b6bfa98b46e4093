package io.wbo.statement;

import java.util.Optional;

/** Implemented by a module whose records bank lines can be tagged to (withdrawals for outflow lines). */
public interface TagTargets {

	String recordType();

	/** Finds a record by its id or serial number. */
	Optional<TagTarget> find(String idOrSerial);
}

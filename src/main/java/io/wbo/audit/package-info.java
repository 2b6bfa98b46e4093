/**
 * X-2 audit log (審計): one append-only, hash-chained entry per state change, written in the caller's transaction.
 * Entries are spread over several chains so concurrent writers never queue behind one global lock.
 */
@NullMarked
package io.wbo.audit;

import org.jspecify.annotations.NullMarked;

/**
 * X-9 the customer API for the broker's APP ({@code /app/v1}): bearer-token authentication, the idempotency-key
 * mechanism for every creating POST, and thin adapters onto the business modules. A customer only ever sees their own
 * data.
 */
@NullMarked
package io.wbo.app;

import org.jspecify.annotations.NullMarked;

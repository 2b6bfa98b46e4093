/**
 * X-6 ledger: double-entry accounts and immutable, idempotent transfers. A customer has an AVAILABLE and a FROZEN
 * account per asset; the system has accounts per company bank account, fee income, suspense, hot wallet, rewards
 * expense. Every balance change in wbo is a transfer made here.
 */
@NullMarked
package io.wbo.ledger;

import org.jspecify.annotations.NullMarked;

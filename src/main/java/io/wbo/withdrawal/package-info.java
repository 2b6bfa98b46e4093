/**
 * W fiat withdrawals (出金): applications from the APP and manual ones, risk checks on the job queue, rejection,
 * deletion and edits through work orders, submission, direct and batch payouts with their approvals and result
 * reviews, abnormal handling, payout files, cheques and the records with their full history. Every movement of the
 * customer's money goes through the ledger (freeze on creation, debit on completion, unfreeze on failure) in the
 * transaction of the state change, which the {@code Withdrawal} aggregate guards.
 */
@NullMarked
package io.wbo.withdrawal;

import org.jspecify.annotations.NullMarked;

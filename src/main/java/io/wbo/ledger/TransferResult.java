package io.wbo.ledger;

/** The stored transfer: its id, and whether this call was a replay of an earlier one with the same key. */
public record TransferResult(long transferId, String key, boolean replayed) {
}

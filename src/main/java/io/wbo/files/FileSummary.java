package io.wbo.files;

import java.time.Instant;

/** A file as a customer sees it: what they uploaded, without operator-side names. */
public record FileSummary(long id, String name, String contentType, long size, String sha256, Instant createdAt) {

	public static FileSummary of(StoredFile f) {
		return new FileSummary(f.id(), f.name(), f.contentType(), f.size(), f.sha256(), f.createdAt());
	}
}

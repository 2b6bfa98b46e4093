package io.wbo.files;

import java.time.Instant;

import io.wbo.common.Actor;

/**
 * An uploaded file as other modules and the console see it: no bytes. The content type is the one detected from the
 * content; {@code name} is the original file name, cleaned of paths and control characters.
 */
public record StoredFile(long id, String name, String contentType, long size, String sha256, Actor.Kind uploaderKind,
		long uploaderId, String uploadedBy, Instant createdAt) {

	public boolean uploadedBy(Actor actor) {
		return uploaderKind == actor.kind() && uploaderId == actor.id();
	}
}

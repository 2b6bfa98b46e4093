package io.wbo.files;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file with its bytes, ready to be sent back to whoever may read it. */
public record FileContent(StoredFile file, byte[] bytes) {

	/**
	 * The HTTP response of a download or preview. Inline lets the browser show an image or PDF in place; the type is
	 * the detected one, so a file can never be served as something it is not (and the security filter adds
	 * {@code X-Content-Type-Options: nosniff}).
	 */
	public ResponseEntity<byte[]> toResponse(boolean attachment) {
		ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
				.filename(file.name(), StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.contentLength(bytes.length)
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
				.eTag("\"" + file.sha256() + "\"")
				.body(bytes);
	}
}

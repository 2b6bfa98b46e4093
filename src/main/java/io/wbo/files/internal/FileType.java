package io.wbo.files.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of proof we accept, recognised by their signature bytes. The name and the Content-Type a client sends
 * are whatever it says; the first bytes are what a viewer will actually open.
 */
enum FileType {

	JPEG("image/jpeg"),
	PNG("image/png"),
	WEBP("image/webp"),
	HEIC("image/heic"),
	PDF("application/pdf");

	/** How many leading bytes {@link #detect} needs to see. */
	static final int HEAD = 16;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

	final String mediaType;

	FileType(String mediaType) {
		this.mediaType = mediaType;
	}

	static Optional<FileType> detect(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(head, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
			return Optional.of(WEBP);
		}
		// ISO base media file: a box size, then "ftyp" and the major brand
		if (startsWith(head, 4, ascii("ftyp")) && head.length >= 12
				&& HEIF_BRANDS.contains(new String(head, 8, 4, StandardCharsets.US_ASCII))) {
			return Optional.of(HEIC);
		}
		if (startsWith(head, 0, ascii("%PDF-"))) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	static String allowedNames() {
		return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
	}

	private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
		return data.length >= offset + prefix.length && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}

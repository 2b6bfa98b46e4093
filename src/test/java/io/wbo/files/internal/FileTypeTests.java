package io.wbo.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class FileTypeTests {

	static byte[] bytes(int... values) {
		byte[] b = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			b[i] = (byte) values[i];
		}
		return b;
	}

	@Test
	void recognisesEachAcceptedTypeByItsSignature() {
		assertThat(FileType.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).contains(FileType.JPEG);
		assertThat(FileType.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0))).contains(FileType.PNG);
		assertThat(FileType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.WEBP);
		assertThat(FileType.detect("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1))).contains(FileType.HEIC);
		assertThat(FileType.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
	}

	@Test
	void refusesWhatOnlyLooksLikeAProofByName() {
		assertThat(FileType.detect("just some text named receipt.jpg".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(FileType.detect("\0\0\0\u0018ftypmp42".getBytes(StandardCharsets.ISO_8859_1))).isEmpty(); // a video
		assertThat(FileType.detect("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(FileType.detect(bytes(0xFF, 0xD8))).isEmpty();
		assertThat(FileType.detect(new byte[0])).isEmpty();
	}

	@Test
	void theSizeLimitIsConfigurableAndNamesTheField() {
		UploadPolicy policy = new UploadPolicy("1KB", new MockEnvironment().withProperty("spring.servlet.multipart.max-file-size", "2MB")
				.withProperty("spring.servlet.multipart.max-request-size", "2MB"));
		policy.checkSize("file", 1024);
		assertThatThrownBy(() -> policy.checkSize("file", 1025)).isInstanceOfSatisfying(DomainException.class, e -> {
			assertThat(e.status().value()).isEqualTo(413);
			assertThat(e.getMessage()).contains("file").contains("at most 1 KB");
		});
		assertThatThrownBy(() -> policy.checkSize("file", 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
	}

	@Test
	void refusesToStartWhenTheServletWouldCutUploadsBelowTheLimit() {
		assertThatThrownBy(() -> new UploadPolicy("60MB", new MockEnvironment().withProperty("spring.servlet.multipart.max-file-size", "50MB")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("wbo.files.max-size");
	}

	@Test
	void keepsOnlyTheLastPathSegmentOfANameAndFallsBackToTheType() {
		assertThat(UploadPolicy.cleanName("C:\\Users\\chan\\收據.jpg", FileType.JPEG)).isEqualTo("收據.jpg");
		assertThat(UploadPolicy.cleanName("../../etc/passwd\u0000.png", FileType.PNG)).isEqualTo("passwd.png");
		assertThat(UploadPolicy.cleanName("  ", FileType.PDF)).isEqualTo("proof.pdf");
		assertThat(UploadPolicy.cleanName(null, FileType.PNG)).isEqualTo("proof.png");
	}
}

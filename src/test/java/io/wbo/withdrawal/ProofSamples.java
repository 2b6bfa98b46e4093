package io.wbo.withdrawal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real, small proof files for the tests: an image a browser can render and a PDF by its signature. */
public final class ProofSamples {

	private ProofSamples() {
	}

	/** A valid PNG of the given colour, so two samples differ in content and hash. */
	public static byte[] png(int rgb) {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 4; x++) {
			for (int y = 0; y < 4; y++) {
				image.setRGB(x, y, rgb);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	public static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}
}

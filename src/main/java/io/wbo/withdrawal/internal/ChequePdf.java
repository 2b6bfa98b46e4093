package io.wbo.withdrawal.internal;

import java.io.File;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.Phrase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders cheques (W-12), one per page in the size of a Hong Kong cheque: date, payee, amount in figures, amount in
 * words in English and in Chinese financial numerals, cheque number, the paying bank and the application's serial.
 * Chinese needs a CJK font: the first of {@link #CJK_FONTS} found on the machine is embedded (subset).
 */
final class ChequePdf {

	private static final Logger log = LoggerFactory.getLogger(ChequePdf.class);

	static final List<String> CJK_FONTS = List.of(
			"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,3",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,3",
			"/usr/share/fonts/truetype/arphic/uming.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0");

	record Cheque(String chequeNumber, String serial, String payee, String currency, BigDecimal amount, LocalDate date,
			String payingBank, String payingAccount, boolean reprint) {
	}

	private ChequePdf() {
	}

	static void write(OutputStream out, List<Cheque> cheques) {
		Rectangle size = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth() / 2);
		Document document = new Document(size, 36, 36, 36, 36);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle("Cheques");
			document.open();
			BaseFont latin = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
			BaseFont cjk = cjkFont();
			for (int i = 0; i < cheques.size(); i++) {
				if (i > 0) {
					document.newPage();
				}
				draw(writer.getDirectContent(), size, cheques.get(i), latin, cjk);
			}
			document.close();
		}
		catch (Exception e) {
			throw new IllegalStateException("the cheque PDF could not be written", e);
		}
	}

	private static @Nullable BaseFont cjkFont() {
		for (String candidate : CJK_FONTS) {
			String path = candidate.substring(0, candidate.lastIndexOf(','));
			if (!new File(path).isFile()) {
				continue;
			}
			try {
				return BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			catch (Exception e) {
				log.warn("CJK font {} could not be loaded: {}", candidate, e.getMessage());
			}
		}
		log.warn("no CJK font found; the Chinese amount in words is left out of cheques");
		return null;
	}

	private static void draw(PdfContentByte cb, Rectangle page, Cheque c, BaseFont latin, @Nullable BaseFont cjk) {
		float w = page.getWidth();
		float h = page.getHeight();
		cb.setLineWidth(1.2f);
		cb.rectangle(20, 20, w - 40, h - 40);
		cb.stroke();
		text(cb, latin, 11, c.payingBank(), 40, h - 50);
		text(cb, latin, 9, "A/C " + c.payingAccount(), 40, h - 64);
		text(cb, latin, 11, "DATE  " + c.date(), w - 200, h - 50);
		text(cb, latin, 9, "No. " + c.chequeNumber() + (c.reprint() ? "   (REPRINT)" : ""), w - 200, h - 64);
		text(cb, latin, 11, "PAY", 40, h - 110);
		text(cb, latin, 13, c.payee(), 80, h - 110);
		cb.moveTo(78, h - 114);
		cb.lineTo(w - 220, h - 114);
		cb.stroke();
		cb.rectangle(w - 200, h - 125, 160, 26);
		cb.stroke();
		text(cb, latin, 13, c.currency() + " " + grouped(c.amount()), w - 192, h - 117);
		ColumnText english = new ColumnText(cb);
		english.setSimpleColumn(new Phrase(AmountInWords.english(c.amount(), c.currency()), new Font(latin, 11)), 40, h - 170, w - 220,
				h - 130, 14, Element.ALIGN_LEFT);
		try {
			english.go();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		if (cjk != null) {
			text(cb, cjk, 13, AmountInWords.chinese(c.amount(), c.currency()), 40, h - 190);
		}
		cb.moveTo(w - 220, 60);
		cb.lineTo(w - 40, 60);
		cb.stroke();
		text(cb, latin, 8, "AUTHORISED SIGNATURE", w - 190, 48);
		text(cb, latin, 8, "Ref " + c.serial(), 40, 48);
	}

	private static void text(PdfContentByte cb, BaseFont font, float size, String text, float x, float y) {
		cb.beginText();
		cb.setFontAndSize(font, size);
		cb.setTextMatrix(x, y);
		cb.showText(text);
		cb.endText();
	}

	private static String grouped(BigDecimal amount) {
		return String.format(java.util.Locale.ROOT, "%,.2f", amount);
	}
}

package io.wbo.statement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.wbo.statement.StatementFixtures;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated files per parser: each must either parse completely (lines, no error) or report errors with line
 * numbers; no exception may ever escape a parser, whatever the bytes.
 */
class ParserFuzzTests {

	static final int ROUNDS = 3000;
	static final String[] NOISE = { ":61:", ":86:", ":20:", ":62F:", "\n", ",", "\"", "<Ntry>", "</Amt>", "<Amt Ccy=\"HKD\">", "-}", "{4:",
			"\u0000", "\uFFFF", "陳", "9999999999999999999999", ",,,,", "D", "C", "RD", "&amp;", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" };

	record Outcome(List<ParsedLine> lines, List<String> errors) {
	}

	static Outcome run(StatementParser parser, byte[] bytes) {
		List<ParsedLine> lines = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		parser.parse(new ByteArrayInputStream(bytes), new LineSink() {
			@Override
			public void line(ParsedLine line) {
				assertThat(line.amount().signum()).isPositive();
				assertThat(line.currency()).isNotBlank();
				assertThat(line.bookingDate()).isNotNull();
				lines.add(line);
			}

			@Override
			public void error(int lineNo, String message) {
				assertThat(lineNo).isGreaterThanOrEqualTo(0);
				assertThat(message).isNotBlank();
				errors.add(lineNo + ": " + message);
			}

			@Override
			public void account(int lineNo, String accountId) {
				assertThat(lineNo).isPositive();
				assertThat(accountId).isNotBlank();
			}
		});
		return new Outcome(lines, errors);
	}

	static byte[] mutate(byte[] original, Random random) {
		byte[] b = original.clone();
		int kind = random.nextInt(6);
		String text = new String(b, StandardCharsets.UTF_8);
		switch (kind) {
			case 0 -> {
				for (int i = 0; i < 1 + random.nextInt(5); i++) {
					b[random.nextInt(b.length)] = (byte) random.nextInt(256);
				}
				return b;
			}
			case 1 -> {
				return java.util.Arrays.copyOf(b, random.nextInt(b.length));
			}
			case 2 -> {
				int at = random.nextInt(text.length());
				return (text.substring(0, at) + NOISE[random.nextInt(NOISE.length)] + text.substring(at)).getBytes(StandardCharsets.UTF_8);
			}
			case 3 -> {
				int at = random.nextInt(text.length());
				int len = Math.min(text.length() - at, 1 + random.nextInt(20));
				return (text.substring(0, at) + text.substring(at + len)).getBytes(StandardCharsets.UTF_8);
			}
			case 4 -> {
				String[] lines = text.split("\n", -1);
				int i = random.nextInt(lines.length);
				int j = random.nextInt(lines.length);
				String t = lines[i];
				lines[i] = lines[j];
				lines[j] = t;
				return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
			}
			default -> {
				String[] lines = text.split("\n", -1);
				int i = random.nextInt(lines.length);
				List<String> out = new ArrayList<>(List.of(lines));
				out.add(i, lines[i]);
				return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
			}
		}
	}

	void fuzz(StatementParser parser, String... fixtures) {
		Random random = new Random(20261123);
		int refused = 0;
		for (String fixture : fixtures) {
			byte[] original = StatementFixtures.file(fixture);
			assertThat(run(parser, original).errors()).as(fixture).isEmpty();
			for (int i = 0; i < ROUNDS; i++) {
				byte[] mutated = mutate(original, random);
				Outcome[] outcome = new Outcome[1];
				assertThatCode(() -> outcome[0] = run(parser, mutated)).as("mutation %d of %s", i, fixture).doesNotThrowAnyException();
				if (!outcome[0].errors().isEmpty()) {
					refused++;
				}
			}
		}
		assertThat(refused).as("some mutations must be refused").isPositive();
	}

	@Test
	void mt940ParserNeverThrows() {
		fuzz(new Mt940Parser(), "hsbc-2031-02.mt940", "multi-bank.mt940");
	}

	@Test
	void camt053ParserNeverThrows() {
		fuzz(new Camt053Parser(), "hsbc-2031-03.camt053.02.xml", "scb-2031-03.camt053.08.xml");
	}

	@Test
	void templateParserNeverThrows() {
		fuzz(new TemplateParser(DemoTemplates.HSBC), "hsbc-2031-01.csv");
		fuzz(new TemplateParser(DemoTemplates.BOCHK), "bochk-2031-01-big5.csv");
	}
}

package io.wbo.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The names of the codes that exports write in their cells (a withdrawal's status, a line's direction), in the
 * reader's language, from {@code i18n/values/values.tsv}. Kept apart from the message catalog because the same code
 * means different things in different fields: a statement line that is MATCHED is 已匹配, a reconciliation result
 * that is MATCHED is 一致. A code without a name is written as it is.
 */
public final class ValueNames {

	private static final ValueNames DEFAULT = load("i18n/values/values.tsv");

	/** field → code → names in EN, ZH_HANT, ZH_HANS order. */
	private final Map<String, Map<String, String[]>> names;

	private ValueNames(Map<String, Map<String, String[]>> names) {
		this.names = names;
	}

	public static ValueNames get() {
		return DEFAULT;
	}

	static ValueNames load(String path) {
		try {
			String text = StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
			Map<String, Map<String, String[]>> names = new HashMap<>();
			int lineNo = 0;
			for (String line : text.split("\n")) {
				lineNo++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t");
				if (cells.length != 5) {
					throw new IllegalStateException(path + " line " + lineNo + ": field, code and three names expected, separated by tabs");
				}
				names.computeIfAbsent(cells[0], f -> new HashMap<>()).put(cells[1], new String[] { cells[2], cells[3], cells[4] });
			}
			return new ValueNames(names);
		}
		catch (IOException e) {
			throw new UncheckedIOException(path + " could not be read", e);
		}
	}

	/** The name of a field's code in the language; the code itself when it has none (or is null). */
	public @Nullable String name(String field, @Nullable String code, MessageCatalog.Language language) {
		if (code == null) {
			return null;
		}
		String[] named = names.getOrDefault(field, Map.of()).get(code);
		return named == null ? code : named[language.ordinal()];
	}

	/** Names one field's codes in the language (for a writer of many rows). */
	public UnaryOperator<String> namer(String field, MessageCatalog.Language language) {
		return code -> name(field, code, language);
	}

	/** Whether the field has a name for the code (for the tests that keep every code named). */
	public boolean names(String field, String code) {
		return names.getOrDefault(field, Map.of()).containsKey(code);
	}
}

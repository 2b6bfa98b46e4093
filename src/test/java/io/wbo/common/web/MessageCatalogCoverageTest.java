package io.wbo.common.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the code writes for people has its Chinese in the catalog, and the catalog itself is sound. When
 * messages are missing, their shapes are written to {@code target/i18n-missing/<module>.tsv}, ready to translate.
 */
class MessageCatalogCoverageTest {

	private static final MessageCatalog CATALOG = MessageCatalog.get();

	static String shapeOf(String template) {
		return template.replaceAll("\\{\\d+\\}", "{}");
	}

	@Test
	void everyMessageOfTheCodeHasItsTranslations() throws IOException {
		List<MessageSources.Found> found = MessageSources.scan(Path.of("src/main/java"));
		assertThat(found).as("the scanner finds the messages").hasSizeGreaterThan(100);
		Set<String> known = CATALOG.templates().stream().map(e -> shapeOf(e.english())).collect(Collectors.toSet());
		Map<String, List<MessageSources.Found>> missing = new LinkedHashMap<>();
		for (MessageSources.Found f : found) {
			if (!known.contains(f.shape())) {
				missing.computeIfAbsent(f.shape(), s -> new ArrayList<>()).add(f);
			}
		}
		if (!missing.isEmpty()) {
			writeSkeletons(missing);
		}
		assertThat(missing.keySet()).as("messages without a catalog entry (see target/i18n-missing/)").isEmpty();
	}

	/**
	 * Templates of messages made where the scanner cannot look: the reconciliation's reasons (SQL), the risk reasons a
	 * withdrawal lists and joins, its history entries of a run and of a tag, and what a value of the wrong kind must be (JsonErrors).
	 * Each is checked by an integration test instead.
	 */
	private static final Set<String> MADE_ELSEWHERE = Set.of("{}; {}", "{}: {}", "run {}: {}", "bank line {}", "bank line {}: {}", "tagged by hand", "same bank reference {}",
			"bank reference {}: bank {}, system {}", "one bank line for batch {} ({} payouts, {} {})", "same amount and currency, same day",
			"same amount and currency, 1 day apart", "same amount and currency, {} days apart",
			"same amount and currency and counterparty account, same day", "same amount and currency and counterparty account, 1 day apart",
			"same amount and currency and counterparty account, {} days apart",
			"same counterparty account within the window but bank {}, system {}",
			"no bank line with its bank reference, nor with its amount, currency and counterparty account within ±{} days",
			"no completed withdrawal matches this bank line", "no credited deposit matches this bank line", "must be a whole number",
			"must be a date (2026-12-04)", "must be a time with offset (2026-12-04T08:00:00Z)",
			"must be text in quotes (an amount too: \"100.50\")");

	@Test
	void everyTemplateIsStillMadeSomewhere() {
		Set<String> made = MessageSources.scan(Path.of("src/main/java")).stream().map(MessageSources.Found::shape).collect(Collectors.toSet());
		List<String> stale = CATALOG.templates().stream().filter(e -> !made.contains(shapeOf(e.english())) && !MADE_ELSEWHERE.contains(shapeOf(e.english())))
				.map(e -> e.source() + " " + e.english()).toList();
		assertThat(stale).as("catalog templates no code makes any more: delete them").isEmpty();
	}

	private static void writeSkeletons(Map<String, List<MessageSources.Found>> missing) throws IOException {
		Path dir = Path.of("target", "i18n-missing");
		org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		Map<String, StringBuilder> byModule = new LinkedHashMap<>();
		missing.forEach((shape, where) -> {
			int[] n = { 0 };
			String template = java.util.regex.Pattern.compile("\\{\\}").matcher(shape).replaceAll(m -> "{" + n[0]++ + "}");
			byModule.computeIfAbsent(where.get(0).module(), m -> new StringBuilder())
					.append("# ").append(where.stream().map(f -> f.file() + ":" + f.line()).distinct().collect(Collectors.joining(", ")))
					.append('\n').append(template.replace("\n", "\\n")).append("\t\t\n");
		});
		for (Map.Entry<String, StringBuilder> e : byModule.entrySet()) {
			Files.writeString(dir.resolve(e.getKey() + ".tsv"), e.getValue());
		}
	}

	@Test
	void everyTranslationKeepsTheHolesOfItsEnglish() {
		List<String> problems = new ArrayList<>();
		List<MessageCatalog.Entry> all = new ArrayList<>(CATALOG.templates());
		all.addAll(CATALOG.terms().values());
		Set<String> english = new TreeSet<>();
		for (MessageCatalog.Entry e : all) {
			Set<String> holes = holes(e.english());
			if (!holes.equals(holes(e.hant())) || !holes.equals(holes(e.hans()))) {
				problems.add(e.source() + " holes differ: " + e.english());
			}
			if (!english.add(e.english())) {
				problems.add(e.source() + " repeats " + e.english());
			}
			if (CATALOG.templates().contains(e) && e.english().replaceAll("\\{\\d+\\}", "").isBlank()) {
				problems.add(e.source() + " has no text of its own: " + e.english());
			}
			boolean words = e.english().replaceAll("\\{\\d+\\}", "").chars().anyMatch(Character::isLetter);
			if (words && (!chinese(e.hant()) || !chinese(e.hans()))) {
				problems.add(e.source() + " is not translated: " + e.english());
			}
		}
		assertThat(problems).isEmpty();
	}

	private static Set<String> holes(String text) {
		Set<String> holes = new TreeSet<>();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\d+\\}").matcher(text);
		while (m.find()) {
			holes.add(m.group());
		}
		return holes;
	}

	private static boolean chinese(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}

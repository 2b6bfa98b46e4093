package io.wbo.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StreamUtils;

/**
 * What the server says to people, in their language. The code writes its messages in English (they stay readable in
 * the code, the logs and the tests); {@code i18n/*.tsv} on the class path gives each message's template — English
 * with numbered holes, {@code cannot {0} withdrawal {1} in state {2}} — and its Traditional and Simplified Chinese.
 * A message is said in another language by finding the template it was made from and filling the holes of the
 * translation with what the English had there; a value that is itself a known term (a state, an action) or message is
 * translated too. A message with no template stays English, so nothing is ever lost; {@code MessageCatalogCoverageTest}
 * keeps every message written in the code in the catalog.
 */
public final class MessageCatalog {

	public enum Language {
		EN, ZH_HANT, ZH_HANS;

		/**
		 * The language a request asks for: its {@code lang} query parameter (a download link cannot set headers), else
		 * its {@code Accept-Language}. Only the query string is looked at: asking the request for a parameter would read
		 * a form or multipart body, and a refusal of a body too large must not read it.
		 */
		public static Language ofRequest(jakarta.servlet.http.HttpServletRequest request) {
			String lang = request.getQueryString() == null ? null
					: org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
							.getQueryParams().getFirst("lang");
			if (lang != null) {
				lang = java.net.URLDecoder.decode(lang, java.nio.charset.StandardCharsets.UTF_8);
			}
			return of(lang != null && !lang.isBlank() ? lang : request.getHeader(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE));
		}

		/** The tag of a {@code Content-Language} header. */
		public String tag() {
			return this == EN ? "en" : this == ZH_HANT ? "zh-Hant" : "zh-Hans";
		}

		/** The first language of an {@code Accept-Language} header this catalog speaks; English when none. */
		public static Language of(@Nullable String acceptLanguage) {
			if (acceptLanguage == null || acceptLanguage.isBlank()) {
				return EN;
			}
			List<Locale.LanguageRange> ranges;
			try {
				ranges = Locale.LanguageRange.parse(acceptLanguage);
			}
			catch (IllegalArgumentException e) {
				return EN;
			}
			for (Locale.LanguageRange range : ranges) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (tag.startsWith("en") || tag.equals("*")) {
					return EN;
				}
				if (tag.startsWith("zh-hant") || tag.startsWith("zh-hk") || tag.startsWith("zh-tw") || tag.startsWith("zh-mo")) {
					return ZH_HANT;
				}
				if (tag.startsWith("zh")) {
					return ZH_HANS;
				}
			}
			return EN;
		}
	}

	/** One template: its English as a pattern with a group per hole, and the two translations. */
	/**
	 * {@code generic}: a template that is little more than punctuation between its holes ({@code {0}: {1}}, a list item;
	 * {@code {0}; {1}}, a list); it could match any text, so it counts only when the catalog knows something it holds.
	 */
	record Entry(String english, Pattern pattern, Pattern greedy, List<Integer> holes, String hant, String hans, String source,
			boolean generic) {

		String translation(Language language) {
			return language == Language.ZH_HANT ? hant : hans;
		}
	}

	private static final Pattern HOLE = Pattern.compile("\\{(\\d+)\\}");
	private static final int MAX_DEPTH = 3;

	private static final int CACHED = 10_000;

	private final List<Entry> templates;
	private final Map<String, Entry> terms;
	/** Lists repeat the same messages (risk findings, batch errors): each is worked out once. */
	private final Map<Language, Map<String, String>> said = Map.of(Language.ZH_HANT, new java.util.concurrent.ConcurrentHashMap<>(),
			Language.ZH_HANS, new java.util.concurrent.ConcurrentHashMap<>());

	private MessageCatalog(List<Entry> templates, Map<String, Entry> terms) {
		this.templates = templates;
		this.terms = terms;
	}

	private static final MessageCatalog DEFAULT = load("classpath*:i18n/*.tsv");

	/** The catalog of the application's {@code i18n/*.tsv}. */
	public static MessageCatalog get() {
		return DEFAULT;
	}

	static MessageCatalog load(String locationPattern) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver(MessageCatalog.class.getClassLoader()).getResources(locationPattern);
			List<Entry> templates = new ArrayList<>();
			Map<String, Entry> terms = new HashMap<>();
			for (Resource resource : resources) {
				String name = resource.getFilename();
				String text = StreamUtils.copyToString(resource.getInputStream(), StandardCharsets.UTF_8);
				for (Entry e : parse(name, text)) {
					if ("terms.tsv".equals(name)) {
						terms.put(e.english(), e);
					}
					else {
						templates.add(e);
					}
				}
			}
			// the most specific template first: "withdrawal {0} not found" before "{0} {1} not found"; the generic ones
			// last, in the order of their file ("{0}; {1}" splits a list before "{0}: {1}" splits an item)
			templates.sort(Comparator.comparing(Entry::generic)
					.thenComparing(Comparator.comparingInt((Entry e) -> HOLE.matcher(e.english()).replaceAll("").length()).reversed()));
			return new MessageCatalog(List.copyOf(templates), Map.copyOf(terms));
		}
		catch (IOException e) {
			throw new UncheckedIOException("the message catalog could not be read", e);
		}
	}

	/** The lines of one catalog file: English, Traditional, Simplified, separated by tabs; # starts a comment line. */
	static List<Entry> parse(String source, String text) {
		List<Entry> entries = new ArrayList<>();
		int lineNo = 0;
		for (String line : text.split("\n", -1)) {
			lineNo++;
			String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
			if (l.isBlank() || l.startsWith("#")) {
				continue;
			}
			String[] columns = l.split("\t", -1);
			if (columns.length != 3 || columns[0].isEmpty() || columns[1].isEmpty() || columns[2].isEmpty()) {
				throw new IllegalStateException(source + " line " + lineNo + ": expected English, Traditional and Simplified Chinese separated by tabs");
			}
			entries.add(entry(columns[0], columns[1], columns[2], source + ":" + lineNo));
		}
		return entries;
	}

	private static Entry entry(String english, String hant, String hans, String source) {
		StringBuilder lazy = new StringBuilder();
		StringBuilder greedy = new StringBuilder();
		List<Integer> holes = new ArrayList<>();
		Matcher m = HOLE.matcher(english);
		int at = 0;
		while (m.find()) {
			String literal = Pattern.quote(english.substring(at, m.start()));
			lazy.append(literal).append("(.*?)");
			greedy.append(literal).append("(.*)");
			holes.add(Integer.parseInt(m.group(1)));
			at = m.end();
		}
		lazy.append(Pattern.quote(english.substring(at)));
		greedy.append(Pattern.quote(english.substring(at)));
		return new Entry(english, Pattern.compile(lazy.toString(), Pattern.DOTALL), Pattern.compile(greedy.toString(), Pattern.DOTALL),
				List.copyOf(holes), hant, hans, source, HOLE.matcher(english).replaceAll("").chars().noneMatch(Character::isLetter));
	}

	/** The templates and terms, for the coverage test. */
	List<Entry> templates() {
		return templates;
	}

	Map<String, Entry> terms() {
		return terms;
	}

	/** What says messages in the language (for a writer of many, such as an export). */
	public java.util.function.UnaryOperator<String> sayer(Language language) {
		return message -> say(message, language);
	}

	/** The message in the language; the English as it is when the language is English or no template made it. */
	public String say(@Nullable String message, Language language) {
		if (message == null || language == Language.EN) {
			return message;
		}
		Map<String, String> cache = said.get(language);
		String known = cache.get(message);
		if (known != null) {
			return known;
		}
		String translated = translate(message, language, 0);
		String result = translated == null ? message : translated;
		if (cache.size() >= CACHED) {
			cache.clear();
		}
		cache.put(message, result);
		return result;
	}

	private @Nullable String translate(String message, Language language, int depth) {
		Entry term = terms.get(message);
		if (term != null) {
			return term.translation(language);
		}
		if (depth >= MAX_DEPTH) {
			return null;
		}
		for (Entry e : templates) {
			Matcher m = e.pattern().matcher(message);
			if (!m.matches()) {
				continue;
			}
			// the values split at the first place the text allows, or at the last: "bank card 7" in "{0} {1} not found"
			// is (bank card, 7), not (bank, card 7); the split whose values the catalog knows better wins
			Map<Integer, Said> values = values(e, m, language, depth);
			Matcher g = e.greedy().matcher(message);
			if (g.matches()) {
				Map<Integer, Said> other = values(e, g, language, depth);
				if (known(other) > known(values)) {
					values = other;
				}
			}
			if (e.generic() && known(values) == 0) {
				continue;
			}
			Matcher hole = HOLE.matcher(e.translation(language));
			StringBuilder out = new StringBuilder();
			while (hole.find()) {
				Said value = values.get(Integer.parseInt(hole.group(1)));
				hole.appendReplacement(out, Matcher.quoteReplacement(value == null ? hole.group() : value.text()));
			}
			hole.appendTail(out);
			return out.toString();
		}
		return null;
	}

	/** A hole's value as said, and whether the catalog knew it. */
	private record Said(String text, boolean known) {
	}

	private Map<Integer, Said> values(Entry e, Matcher m, Language language, int depth) {
		Map<Integer, Said> values = new HashMap<>();
		for (int i = 0; i < e.holes().size(); i++) {
			String value = m.group(i + 1);
			String said = translate(value, language, depth + 1);
			values.put(e.holes().get(i), said == null ? new Said(value, false) : new Said(said, true));
		}
		return values;
	}

	private static long known(Map<Integer, Said> values) {
		return values.values().stream().filter(Said::known).count();
	}
}

package io.wbo.common.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the messages for people written in the main sources: the message argument of every call that makes one
 * (field errors, domain refusals, import line errors, batch item errors, risk findings), as its shape — the literal
 * text with {@code {}} where the code puts a value in. Messages passed on from elsewhere (a variable, an exception's
 * message) have no literal text and are not counted: their maker is.
 */
final class MessageSources {

	/** A message shape and where it is made. */
	record Found(String shape, String file, int line) {
		String module() {
			Matcher m = Pattern.compile("io/wbo/(\\w+)/").matcher(file);
			return m.find() ? m.group(1) : "common";
		}
	}

	/** A call that makes a message: where its arguments start, and how to read the message from them. */
	private record Call(Pattern start, Reader reader) {
	}

	private interface Reader {
		List<String> shapes(List<String> args, Shapes shapes);
	}

	private static Reader arg(int index, int arity) {
		return (args, shapes) -> arity > 0 && args.size() != arity || args.size() <= index ? List.of() : shapes.of(args.get(index));
	}

	private static final List<Call> CALLS = List.of(
			new Call(Pattern.compile("new\\s+(?:InvalidInputException\\.)?FieldError\\("), arg(1, 2)),
			new Call(Pattern.compile("InvalidInputException\\.of\\("), arg(1, 2)),
			new Call(Pattern.compile("DomainException\\.rule\\("), arg(1, 2)),
			new Call(Pattern.compile("DomainException\\.conflict\\("), arg(0, 1)),
			new Call(Pattern.compile("DomainException\\.forbidden\\("), arg(0, 1)),
			new Call(Pattern.compile("new\\s+DomainException\\("), arg(2, 0)),
			new Call(Pattern.compile("super\\((?=HttpStatus\\.)"), arg(2, 0)),
			new Call(Pattern.compile("\\bproblem\\((?=HttpStatus\\.)"), arg(2, 3)),
			new Call(Pattern.compile("problems\\.write\\("), arg(4, 5)),
			new Call(Pattern.compile("DomainException\\.notFound\\("),
					(args, shapes) -> args.size() != 2 ? List.of() : shapes.of(args.get(0)).stream().map(entity -> entity + " {} not found").toList()),
			new Call(Pattern.compile("new\\s+IllegalTransitionException\\("),
					(args, shapes) -> literal(args.get(0)) == null ? List.of() : List.of("cannot {} " + literal(args.get(0)) + " {} in state {}")),
			new Call(Pattern.compile("(?<![\\w.]log)(?<!LOG)\\.error\\(|(?<![.\\w])error\\("), arg(1, 2)),
			new Call(Pattern.compile("LineError\\("), arg(1, 2)),
			// a work order's remark when the system writes it ("direct payout of W…"); an operator's own is a variable
			new Call(Pattern.compile("new\\s+WorkOrderRequest\\("), arg(6, 7)),
			new Call(Pattern.compile("\\bRead\\.fail\\("), arg(0, 1)),
			new Call(Pattern.compile("PreviewLine\\.refused\\("), arg(1, 2)),
			new Call(Pattern.compile("new\\s+Outcome\\("), (args, shapes) -> args.size() == 3 && args.get(1).equals("false") ? shapes.of(args.get(2)) : List.of()),
			new Call(Pattern.compile("(?<![.\\w])(?:pass|fail)\\("), arg(0, 1)),
			// a risk rule: rule(code, order, check returning why it fails, what a pass says)
			new Call(Pattern.compile("(?<![.\\w])rule\\((?=\")"), (args, shapes) -> {
				if (args.size() != 4) {
					return List.of();
				}
				List<String> all = new ArrayList<>(shapes.of(args.get(3)));
				returned(args.get(2)).forEach(e -> all.addAll(shapes.of(e)));
				return all;
			}));

	private MessageSources() {
	}

	static List<Found> scan(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
			Map<String, String> everywhere = new java.util.HashMap<>();
			for (Path file : sources) {
				String className = file.getFileName().toString().replace(".java", "");
				constantsOf(withoutComments(Files.readString(file))).forEach((name, value) -> everywhere.put(className + "." + name, value));
			}
			List<Found> found = new ArrayList<>();
			for (Path file : sources) {
				found.addAll(scanFile(root.relativize(file).toString().replace('\\', '/'), Files.readString(file), everywhere));
			}
			return found;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The string constants a file declares: a message may be one ({@code Money.PLAIN_DECIMAL}). */
	static Map<String, String> constantsOf(String code) {
		Map<String, String> constants = new java.util.HashMap<>();
		Matcher k = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*(\"(?:[^\"\\\\\\n]|\\\\.)*\")\\s*;").matcher(code);
		while (k.find()) {
			constants.put(k.group(1), literal(k.group(2)));
		}
		return constants;
	}

	static List<Found> scanFile(String name, String source, Map<String, String> qualifiedConstants) {
		String code = withoutComments(source);
		List<Call> calls = new ArrayList<>(CALLS);
		// the field errors a form collects: add(field, message) and require(condition, field, message) on a Collector
		Set<String> collectors = new HashSet<>();
		Matcher c = Pattern.compile("Collector\\s+(\\w+)\\s*[=,);]|(\\w+)\\s*=\\s*new\\s+(?:InvalidInputException\\.)?Collector\\(").matcher(code);
		while (c.find()) {
			collectors.add(c.group(1) != null ? c.group(1) : c.group(2));
		}
		for (String collector : collectors) {
			calls.add(new Call(Pattern.compile("\\b" + collector + "\\s*\\.add\\("), arg(1, 2)));
			calls.add(new Call(Pattern.compile("\\b" + collector + "\\s*\\.require\\("), arg(2, 3)));
		}
		// require(condition, "field", message), also when chained after another add or require
		calls.add(new Call(Pattern.compile("\\.require\\("),
				(args, shapes) -> args.size() == 3 && literal(args.get(1)) != null ? shapes.of(args.get(2)) : List.of()));
		Map<String, String> constants = new java.util.HashMap<>(qualifiedConstants);
		constants.putAll(constantsOf(code));
		Shapes shapes = new Shapes(constants);
		// the line errors a parser collects in a List<String>: add(message)
		Matcher lists = Pattern.compile("List<String>\\s+(\\w+)\\s*=").matcher(code);
		while (lists.find()) {
			calls.add(new Call(Pattern.compile("\\b" + lists.group(1) + "\\s*\\.add\\("), arg(0, 1)));
		}
		List<Found> found = new ArrayList<>();
		// methods whose result is a message: why an operator may not decide a work order, what is wrong with a JSON body
		Matcher why = Pattern.compile("String\\s+(?:whyNot|messageOf)\\([^)]*\\)\\s*\\{").matcher(code);
		while (why.find()) {
			int line = (int) code.substring(0, why.start()).chars().filter(ch -> ch == '\n').count() + 1;
			int end = closing(code, why.end() - 1, '{', '}');
			String body = code.substring(why.end() - 1, end < 0 ? code.length() : end + 1);
			for (String e : returned("x -> " + body)) {
				shapes.of(e).forEach(shape -> found.add(new Found(shape, name, line)));
			}
		}
		for (Call call : calls) {
			Matcher m = call.start().matcher(code);
			while (m.find()) {
				List<String> args = arguments(code, m.end());
				if (args == null) {
					continue;
				}
				int line = (int) code.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
				for (String shape : call.reader().shapes(args, shapes)) {
					found.add(new Found(shape, name, line));
				}
			}
		}
		return found;
	}


	/** What a lambda returns: its expression, or the expression of each return in its block. */
	static List<String> returned(String lambda) {
		int arrow = lambda.indexOf("->");
		if (arrow < 0) {
			return List.of();
		}
		String body = lambda.substring(arrow + 2).strip();
		if (!body.startsWith("{")) {
			return List.of(body);
		}
		List<String> expressions = new ArrayList<>();
		Matcher r = Pattern.compile("\\breturn\\s+").matcher(body);
		while (r.find()) {
			int end = r.end();
			int depth = 0;
			while (end < body.length() && !(body.charAt(end) == ';' && depth == 0)) {
				char ch = body.charAt(end);
				if (ch == '"' || ch == '\'') {
					end = skipString(body, end);
					continue;
				}
				depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
				end++;
			}
			expressions.add(body.substring(r.end(), end));
		}
		return expressions;
	}

	/** Comments blanked out (newlines kept, so line numbers stay right); strings left intact. */
	static String withoutComments(String s) {
		StringBuilder out = new StringBuilder(s.length());
		int i = 0;
		while (i < s.length()) {
			char ch = s.charAt(i);
			if (s.startsWith("\"\"\"", i)) {
				int end = s.indexOf("\"\"\"", i + 3);
				end = end < 0 ? s.length() : end + 3;
				out.append(s, i, end);
				i = end;
			}
			else if (ch == '"' || ch == '\'') {
				int j = i + 1;
				while (j < s.length() && s.charAt(j) != ch) {
					j += s.charAt(j) == '\\' ? 2 : 1;
				}
				out.append(s, i, Math.min(j + 1, s.length()));
				i = j + 1;
			}
			else if (s.startsWith("//", i)) {
				while (i < s.length() && s.charAt(i) != '\n') {
					i++;
				}
			}
			else if (s.startsWith("/*", i)) {
				int end = s.indexOf("*/", i + 2);
				end = end < 0 ? s.length() : end + 2;
				for (int k = i; k < end; k++) {
					if (s.charAt(k) == '\n') {
						out.append('\n');
					}
				}
				i = end;
			}
			else {
				out.append(ch);
				i++;
			}
		}
		return out.toString();
	}

	/** The top-level arguments of the call whose '(' ends just before {@code from}; null when unbalanced. */
	static List<String> arguments(String code, int from) {
		List<String> args = new ArrayList<>();
		int depth = 0;
		int start = from;
		int i = from;
		while (i < code.length()) {
			char ch = code.charAt(i);
			if (ch == '"' || ch == '\'') {
				i = skipString(code, i);
				continue;
			}
			if (ch == '(' || ch == '[' || ch == '{') {
				depth++;
			}
			else if (ch == ')' || ch == ']' || ch == '}') {
				if (depth == 0) {
					String last = code.substring(start, i).strip();
					if (!last.isEmpty() || !args.isEmpty()) {
						args.add(last);
					}
					return args;
				}
				depth--;
			}
			else if (ch == ',' && depth == 0) {
				args.add(code.substring(start, i).strip());
				start = i + 1;
			}
			i++;
		}
		return null;
	}

	private static int skipString(String code, int i) {
		if (code.startsWith("\"\"\"", i)) {
			int end = code.indexOf("\"\"\"", i + 3);
			return end < 0 ? code.length() : end + 3;
		}
		char quote = code.charAt(i);
		int j = i + 1;
		while (j < code.length() && code.charAt(j) != quote) {
			j += code.charAt(j) == '\\' ? 2 : 1;
		}
		return j + 1;
	}

	/** Reads message shapes from expressions; a part naming one of {@code constants} counts as its text. */
	record Shapes(Map<String, String> constants) {

		/** The shapes an expression can make: one per branch of a top-level conditional; none without literal text. */
		List<String> of(String expression) {
			String e = unwrap(expression.strip());
			List<String> branches = conditionalBranches(e);
			if (branches != null) {
				List<String> all = new ArrayList<>();
				branches.forEach(b -> all.addAll(of(b)));
				return all;
			}
			Matcher formatted = Pattern.compile("^(\"(?:[^\"\\\\]|\\\\.)*\")\\.formatted\\(").matcher(e);
			if (formatted.find()) {
				return List.of(unescape(formatted.group(1)).replaceAll("%[-,.0-9]*[sdf]", "{}"));
			}
			StringBuilder shape = new StringBuilder();
			boolean literalText = false;
			for (String part : split(e, '+')) {
				String literal = literal(part);
				if (literal == null && constants.containsKey(part.strip())) {
					literal = constants.get(part.strip());
				}
				if (literal != null) {
					shape.append(literal);
					literalText |= !literal.isBlank();
				}
				else if (!(shape.length() >= 2 && shape.substring(shape.length() - 2).equals("{}"))) {
					shape.append("{}");
				}
			}
			return literalText ? List.of(shape.toString()) : List.of();
		}
	}

	private static String unwrap(String e) {
		while (e.startsWith("(") && e.endsWith(")") && arguments(e, 1) != null && arguments(e, 1).size() == 1
				&& closing(e, 0, '(', ')') == e.length() - 1) {
			e = e.substring(1, e.length() - 1).strip();
		}
		return e;
	}

	/** Where the bracket opened at {@code open} closes (strings skipped); -1 when it does not. */
	private static int closing(String code, int open, char opening, char closing) {
		int depth = 0;
		for (int i = open; i < code.length(); i++) {
			char ch = code.charAt(i);
			if (ch == '"' || ch == '\'') {
				i = skipString(code, i) - 1;
				continue;
			}
			if (ch == opening) {
				depth++;
			}
			else if (ch == closing && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** {@code c ? a : b} at the top level: [a, b]; null otherwise. */
	private static List<String> conditionalBranches(String e) {
		List<String> byQuestion = split(e, '?');
		if (byQuestion.size() < 2) {
			return null;
		}
		String rest = e.substring(byQuestion.get(0).length() + 1);
		List<String> byColon = split(rest, ':');
		if (byColon.size() < 2) {
			return null;
		}
		return List.of(byColon.get(0), rest.substring(byColon.get(0).length() + 1));
	}

	/** Splits at the top-level occurrences of {@code separator}. */
	private static List<String> split(String e, char separator) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < e.length(); i++) {
			char ch = e.charAt(i);
			if (ch == '"' || ch == '\'') {
				i = skipString(e, i) - 1;
				continue;
			}
			if (ch == '(' || ch == '[' || ch == '{') {
				depth++;
			}
			else if (ch == ')' || ch == ']' || ch == '}') {
				depth--;
			}
			else if (ch == separator && depth == 0 && !(separator == ':' && i + 1 < e.length() && e.charAt(i + 1) == ':')
					&& !(separator == ':' && i > 0 && e.charAt(i - 1) == ':')) {
				parts.add(e.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(e.substring(start));
		return parts;
	}

	/** The text of a string literal expression, or null when it is not one. */
	static String literal(String part) {
		String p = part.strip();
		if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"") && !p.startsWith("\"\"\"") && skipString(p, 0) == p.length()) {
			return unescape(p);
		}
		if (p.length() >= 3 && p.startsWith("'") && p.endsWith("'")) {
			return unescape("\"" + p.substring(1, p.length() - 1) + "\"");
		}
		return null;
	}

	private static String unescape(String quoted) {
		String s = quoted.substring(1, quoted.length() - 1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch != '\\' || i + 1 == s.length()) {
				out.append(ch);
				continue;
			}
			char next = s.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}
}

package io.wbo.statement.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The fingerprint of each line of one import (B-1), computed as the lines stream by, exactly as the SQL that stored
 * the earlier ones did ({@code md5(concat_ws('|', …))::uuid}, see V32): with a bank reference, the uuid of an md5 over
 * the booking date, amount, direction and reference; without one, the uuid of {@code md5(h || '#' || n)}, h being the
 * md5 of the line's content and n its position among the identical lines of the file, in file order.
 *
 * <p>Also remembers the period of the file and whether two referenced lines of it may share a fingerprint, so the
 * insert skips the joins it does not need (a numbered line cannot repeat one of the file: its content and number are
 * its own). Repeats are detected on the first 64 bits only (a compact set of longs for a million lines); a false alarm
 * only costs the exact check in SQL.
 */
final class Fingerprints {

	private final MessageDigest md5;
	private final StringBuilder text = new StringBuilder(256);
	private final Occurrences identical = new Occurrences();
	private long[] seen = new long[1 << 12];
	private int seenCount;
	private boolean seenZero;
	private boolean mayRepeat;
	private @Nullable LocalDate first;
	private @Nullable LocalDate last;

	Fingerprints() {
		try {
			md5 = MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** PostgreSQL prints a date of years 1 to 9999 as {@link LocalDate#toString()} does; others cannot be fingerprinted alike. */
	static boolean printable(LocalDate date) {
		return date.getYear() >= 1 && date.getYear() <= 9999;
	}

	UUID withReference(ParsedLine l, String amount, String reference) {
		period(l.bookingDate());
		text.setLength(0);
		text.append('R');
		join(l.bookingDate().toString());
		join(amount);
		join(l.direction().name());
		join(reference);
		byte[] d = digest();
		UUID fingerprint = new UUID(longAt(d, 0), longAt(d, 8));
		remember(fingerprint.getMostSignificantBits());
		return fingerprint;
	}

	/** A line without a bank reference: its content's md5, numbered among the identical lines before it in the file. */
	UUID content(ParsedLine l, String amount) {
		period(l.bookingDate());
		text.setLength(0);
		text.append('H');
		join(l.bookingDate().toString());
		join(l.valueDate() == null ? null : l.valueDate().toString());
		join(amount);
		join(l.direction().name());
		join(l.currency());
		join(l.counterpartyName());
		join(l.counterpartyAccount());
		join(l.counterpartyBank());
		join(l.description());
		byte[] h = digest();
		int n = identical.next(longAt(h, 0), longAt(h, 8));
		text.setLength(0);
		text.append(HexFormat.of().formatHex(h)).append('#').append(n);
		byte[] d = digest();
		return new UUID(longAt(d, 0), longAt(d, 8));
	}

	LocalDate firstDate() {
		return first == null ? LocalDate.EPOCH : first;
	}

	LocalDate lastDate() {
		return last == null ? LocalDate.EPOCH : last;
	}

	boolean mayRepeat() {
		return mayRepeat;
	}

	/** concat_ws leaves NULLs out; the value is hashed as it is stored (without NUL characters, which COPY cannot carry). */
	private void join(@Nullable String value) {
		if (value == null) {
			return;
		}
		text.append('|');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\0') {
				text.append(c);
			}
		}
	}

	private byte[] digest() {
		return md5.digest(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private void period(LocalDate date) {
		if (first == null || date.isBefore(first)) {
			first = date;
		}
		if (last == null || date.isAfter(last)) {
			last = date;
		}
	}

	private static long longAt(byte[] b, int offset) {
		long v = 0;
		for (int i = offset; i < offset + 8; i++) {
			v = (v << 8) | (b[i] & 0xFF);
		}
		return v;
	}

	/** An open-addressing set of longs (0 kept aside), doubled at half full. */
	private void remember(long key) {
		if (mayRepeat) {
			return;
		}
		if (key == 0) {
			mayRepeat = seenZero;
			seenZero = true;
			return;
		}
		if (!add(seen, key)) {
			mayRepeat = true;
			return;
		}
		if (++seenCount * 2 > seen.length) {
			long[] bigger = new long[seen.length * 2];
			for (long k : seen) {
				if (k != 0) {
					add(bigger, k);
				}
			}
			seen = bigger;
		}
	}

	private static boolean add(long[] table, long key) {
		int mask = table.length - 1;
		int i = (int) (key ^ (key >>> 32)) & mask;
		while (table[i] != 0) {
			if (table[i] == key) {
				return false;
			}
			i = (i + 1) & mask;
		}
		table[i] = key;
		return true;
	}

	/**
	 * How many times each content digest has been seen, exactly (both halves of the md5 are the key): an open-addressing
	 * table of parallel arrays, about 40 bytes per line without a reference, where a map of strings would take four
	 * times as much.
	 */
	private static final class Occurrences {
		private long[] high = new long[1 << 10];
		private long[] low = new long[1 << 10];
		private int[] count = new int[1 << 10];
		private int size;

		/** Counts one more occurrence of the digest and returns its number, from 1. */
		int next(long h, long l) {
			int i = slot(high, low, count, h, l);
			if (count[i] != 0) {
				return ++count[i];
			}
			high[i] = h;
			low[i] = l;
			count[i] = 1;
			if (++size * 2 > count.length) {
				grow();
			}
			return 1;
		}

		private static int slot(long[] high, long[] low, int[] count, long h, long l) {
			int mask = count.length - 1;
			int i = (int) (h ^ (h >>> 32)) & mask;
			while (count[i] != 0 && (high[i] != h || low[i] != l)) {
				i = (i + 1) & mask;
			}
			return i;
		}

		private void grow() {
			long[] h2 = new long[high.length * 2];
			long[] l2 = new long[h2.length];
			int[] c2 = new int[h2.length];
			for (int i = 0; i < count.length; i++) {
				if (count[i] != 0) {
					int j = slot(h2, l2, c2, high[i], low[i]);
					h2[j] = high[i];
					l2[j] = low[i];
					c2[j] = count[i];
				}
			}
			high = h2;
			low = l2;
			count = c2;
		}
	}
}

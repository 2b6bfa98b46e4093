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
 * the booking date, amount, direction and reference; without one, the md5 of the line's content, which the insert
 * numbers among identical lines of the file (the numbering needs the whole file, so it stays in SQL).
 *
 * <p>Also remembers the period of the file and whether two referenced lines of it may share a fingerprint, so the
 * insert skips the joins it does not need. Repeats are detected on the first 64 bits only (a compact set of longs
 * for a million lines); a false alarm only costs the exact check in SQL.
 */
final class Fingerprints {

	private final MessageDigest md5;
	private final StringBuilder text = new StringBuilder(256);
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

	/** The md5 (hex) of the content of a line without a bank reference. */
	String content(ParsedLine l, String amount) {
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
		return HexFormat.of().formatHex(digest());
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
}

package io.wbo.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The broker's calendar is Hong Kong's, whatever zone the server runs in: the day on a cheque, a payment file, a
 * serial number or an export's name, the day a payout is reconciled against the bank's booking date, and the day
 * an operator picks in a filter are Hong Kong days. Times stay instants, stored in UTC (API.md).
 */
public final class BusinessDay {

	public static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");

	/** The zone as a SQL literal, for {@code AT TIME ZONE}. */
	public static final String SQL_ZONE = "'Asia/Hong_Kong'";

	/** SQL: today's Hong Kong date as YYYYMMDD (the day in a serial number). */
	public static final String SQL_TODAY_DIGITS = "to_char(now() AT TIME ZONE " + SQL_ZONE + ", 'YYYYMMDD')";

	/** SQL: the instant today's Hong Kong day began. */
	public static final String SQL_TODAY_START = "date_trunc('day', now() AT TIME ZONE " + SQL_ZONE + ") AT TIME ZONE " + SQL_ZONE;

	private BusinessDay() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}
}

package io.wbo.withdrawal.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * An amount written out for a cheque, in English ("ONE THOUSAND TWO HUNDRED THIRTY-FOUR HONG KONG DOLLARS AND FIFTY
 * CENTS ONLY") and in Chinese financial numerals (大寫: "港幣壹仟貳佰參拾肆元伍角整"), which cannot be altered by adding
 * a stroke.
 */
final class AmountInWords {

	private static final String[] ONES = { "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN",
			"ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN", "EIGHTEEN", "NINETEEN" };
	private static final String[] TENS = { "", "", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY" };
	private static final String[] SCALES = { "", " THOUSAND", " MILLION", " BILLION", " TRILLION" };

	private static final String DIGITS = "零壹貳參肆伍陸柒捌玖";
	private static final String[] UNITS = { "", "拾", "佰", "仟" };
	private static final String[] GROUPS = { "", "萬", "億", "兆" };

	private static final Map<String, String[]> CURRENCY = Map.of(
			"HKD", new String[] { "HONG KONG DOLLARS", "港幣" },
			"USD", new String[] { "US DOLLARS", "美元" },
			"CNY", new String[] { "RENMINBI YUAN", "人民幣" });

	private AmountInWords() {
	}

	static String english(BigDecimal amount, String currency) {
		BigDecimal a = amount.setScale(2, RoundingMode.UNNECESSARY);
		long whole = a.toBigInteger().longValueExact();
		int cents = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
		String name = CURRENCY.getOrDefault(currency, new String[] { currency, currency })[0];
		StringBuilder s = new StringBuilder(whole == 0 ? "ZERO" : englishWhole(whole)).append(' ').append(name);
		if (cents > 0) {
			s.append(" AND ").append(englishWhole(cents)).append(cents == 1 ? " CENT" : " CENTS");
		}
		return s.append(" ONLY").toString();
	}

	private static String englishWhole(long n) {
		StringBuilder out = new StringBuilder();
		int scale = 0;
		while (n > 0) {
			int chunk = (int) (n % 1000);
			if (chunk > 0) {
				String words = belowThousand(chunk) + SCALES[scale];
				out.insert(0, out.length() == 0 ? words : words + " ");
			}
			n /= 1000;
			scale++;
		}
		return out.toString();
	}

	private static String belowThousand(int n) {
		StringBuilder s = new StringBuilder();
		if (n >= 100) {
			s.append(ONES[n / 100]).append(" HUNDRED");
			n %= 100;
			if (n > 0) {
				s.append(' ');
			}
		}
		if (n >= 20) {
			s.append(TENS[n / 10]);
			if (n % 10 > 0) {
				s.append('-').append(ONES[n % 10]);
			}
		}
		else if (n > 0) {
			s.append(ONES[n]);
		}
		return s.toString();
	}

	static String chinese(BigDecimal amount, String currency) {
		BigDecimal a = amount.setScale(2, RoundingMode.UNNECESSARY);
		long whole = a.toBigInteger().longValueExact();
		int cents = a.remainder(BigDecimal.ONE).movePointRight(2).intValue();
		int jiao = cents / 10;
		int fen = cents % 10;
		StringBuilder s = new StringBuilder(CURRENCY.getOrDefault(currency, new String[] { currency, currency })[1]);
		if (whole > 0) {
			s.append(chineseWhole(whole)).append('元');
		}
		else if (cents == 0) {
			s.append("零元");
		}
		if (jiao > 0) {
			s.append(DIGITS.charAt(jiao)).append('角');
		}
		if (fen > 0) {
			if (jiao == 0 && whole > 0) {
				s.append('零');
			}
			s.append(DIGITS.charAt(fen)).append('分');
		}
		else {
			s.append('整');
		}
		return s.toString();
	}

	private static String chineseWhole(long n) {
		int[] groups = new int[5];
		int count = 0;
		while (n > 0) {
			groups[count++] = (int) (n % 10_000);
			n /= 10_000;
		}
		StringBuilder s = new StringBuilder();
		boolean zeroPending = false;
		for (int g = count - 1; g >= 0; g--) {
			int value = groups[g];
			if (value == 0) {
				zeroPending = s.length() > 0;
				continue;
			}
			if (s.length() > 0 && (zeroPending || value < 1000)) {
				s.append('零');
			}
			s.append(fourDigits(value)).append(GROUPS[g]);
			zeroPending = false;
		}
		return s.toString();
	}

	private static String fourDigits(int value) {
		StringBuilder s = new StringBuilder();
		boolean zero = false;
		for (int pos = 3; pos >= 0; pos--) {
			int d = (value / (int) Math.pow(10, pos)) % 10;
			if (d == 0) {
				zero = s.length() > 0;
				continue;
			}
			if (zero) {
				s.append('零');
				zero = false;
			}
			s.append(DIGITS.charAt(d)).append(UNITS[pos]);
		}
		return s.toString();
	}
}

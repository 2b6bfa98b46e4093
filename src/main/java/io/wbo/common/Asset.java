package io.wbo.common;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A currency or crypto asset with the number of decimals its amounts may carry. Known assets are registered
 * here; an unknown code is a client error, never silently accepted.
 */
public record Asset(String code, int scale) {

	private static final Map<String, Asset> KNOWN = new ConcurrentHashMap<>();

	public static final Asset HKD = register("HKD", 2);
	public static final Asset USD = register("USD", 2);
	public static final Asset CNY = register("CNY", 2);
	public static final Asset BTC = register("BTC", 8);
	public static final Asset ETH = register("ETH", 18);
	public static final Asset USDT = register("USDT", 6);

	/** Registers an asset (crypto configuration adds coins at run time). */
	public static Asset register(String code, int scale) {
		return KNOWN.computeIfAbsent(code.toUpperCase(Locale.ROOT), c -> new Asset(c, scale));
	}

	/** Looks an asset up by its code; the field name is used in the error when it is unknown. */
	public static Asset of(String code, String field) {
		if (code == null || code.isBlank()) {
			throw InvalidInputException.of(field, "is required");
		}
		Asset asset = KNOWN.get(code.trim().toUpperCase(Locale.ROOT));
		if (asset == null || !asset.code().equals(code.trim())) {
			throw InvalidInputException.of(field, "unknown asset '" + code + "' (known: " + String.join(", ", codes()) + ")");
		}
		return asset;
	}

	public static Asset of(String code) {
		return of(code, "asset");
	}

	public static Collection<String> codes() {
		return KNOWN.keySet().stream().sorted().toList();
	}

	public static boolean isFiat(Asset asset) {
		return asset.equals(HKD) || asset.equals(USD) || asset.equals(CNY);
	}

	@Override
	public String toString() {
		return code;
	}
}

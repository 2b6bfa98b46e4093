package io.wbo.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.wbo.common.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

/** The standard field messages carry a code and their values, so the console can translate them; others do not. */
class FieldErrorCodesTests {

	@Test
	void moneyAndAssetMessagesAreCoded() {
		InvalidInputException scale = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				() -> Money.positive(Asset.HKD, "1.001", "amount"));
		assertThat(scale.errors().get(0).coded()).isEqualTo(new InvalidInputException.Coded("scale", Map.of("max", "2", "asset", "HKD")));
		InvalidInputException zero = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				() -> Money.positive(Asset.HKD, "0", "amount"));
		assertThat(zero.errors().get(0).coded().code()).isEqualTo("positive");
		InvalidInputException missing = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				() -> Asset.of(null, "currency"));
		assertThat(missing.errors().get(0).coded().code()).isEqualTo("required");
		assertThat(new FieldError("remark", "must be at most 500 characters").coded())
				.isEqualTo(new InvalidInputException.Coded("maxLength", Map.of("max", "500")));
	}

	@Test
	void otherMessagesAreShownAsTheyAre() {
		assertThat(new FieldError("bankCardId", "the card receives USD, not HKD").coded()).isNull();
	}
}

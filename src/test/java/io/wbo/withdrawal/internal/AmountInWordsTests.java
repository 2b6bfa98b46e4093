package io.wbo.withdrawal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"1234.50|港幣壹仟貳佰參拾肆元伍角整",
			"10005.00|港幣壹萬零伍元整",
			"10010.00|港幣壹萬零壹拾元整",
			"100000.00|港幣壹拾萬元整",
			"1000000000.00|港幣壹拾億元整",
			"100010000.00|港幣壹億零壹萬元整",
			"0.05|港幣伍分",
			"20.07|港幣貳拾元零柒分",
			"101.10|港幣壹佰零壹元壹角整" })
	void writesChineseFinancialNumerals(String amount, String words) {
		assertThat(AmountInWords.chinese(new BigDecimal(amount), "HKD")).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"1234.50|ONE THOUSAND TWO HUNDRED THIRTY-FOUR HONG KONG DOLLARS AND FIFTY CENTS ONLY",
			"1000000.00|ONE MILLION HONG KONG DOLLARS ONLY",
			"0.01|ZERO HONG KONG DOLLARS AND ONE CENT ONLY",
			"2000015.00|TWO MILLION FIFTEEN HONG KONG DOLLARS ONLY" })
	void writesEnglishWords(String amount, String words) {
		assertThat(AmountInWords.english(new BigDecimal(amount), "HKD")).isEqualTo(words);
	}
}

package io.wbo.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wbo.common.web.MessageCatalog.Language;
import org.junit.jupiter.api.Test;

class MessageCatalogTest {

	private final MessageCatalog catalog = MessageCatalog.load("classpath*:i18n-test/*.tsv");

	@Test
	void theLanguageIsTheFirstOfTheHeaderThatIsSpoken() {
		assertThat(Language.of(null)).isEqualTo(Language.EN);
		assertThat(Language.of("")).isEqualTo(Language.EN);
		assertThat(Language.of("zh-HK,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH_HANT);
		assertThat(Language.of("zh-Hant")).isEqualTo(Language.ZH_HANT);
		assertThat(Language.of("zh-TW")).isEqualTo(Language.ZH_HANT);
		assertThat(Language.of("zh-CN")).isEqualTo(Language.ZH_HANS);
		assertThat(Language.of("zh-Hans-CN")).isEqualTo(Language.ZH_HANS);
		assertThat(Language.of("fr-FR,zh-HK;q=0.5")).isEqualTo(Language.ZH_HANT);
		assertThat(Language.of("en-GB,zh-HK;q=0.5")).isEqualTo(Language.EN);
		assertThat(Language.of("not a ;; header")).isEqualTo(Language.EN);
	}

	@Test
	void aMessageIsSaidFromItsTemplateWithItsValuesKept() {
		assertThat(catalog.say("unknown currency 'XYZ'", Language.ZH_HANT)).isEqualTo("不明貨幣「XYZ」");
		assertThat(catalog.say("unknown currency 'XYZ'", Language.ZH_HANS)).isEqualTo("未知货币「XYZ」");
		assertThat(catalog.say("unknown currency 'XYZ'", Language.EN)).isEqualTo("unknown currency 'XYZ'");
	}

	@Test
	void theMostSpecificTemplateWinsAndKnownTermsInTheHolesAreSaidToo() {
		assertThat(catalog.say("withdrawal W42 not found", Language.ZH_HANT)).isEqualTo("找不到出金申請 W42");
		assertThat(catalog.say("bank card 7 not found", Language.ZH_HANT)).isEqualTo("找不到銀行卡 7");
		assertThat(catalog.say("cannot approve withdrawal W42 in state RISK_PASSED", Language.ZH_HANS)).isEqualTo("出金申请 W42 处于风控通过状态，不能审批");
	}

	@Test
	void aMessageInsideAMessageIsSaidAndAnUnknownOneStaysEnglish() {
		assertThat(catalog.say("line 3: unknown currency 'XYZ'", Language.ZH_HANT)).isEqualTo("第 3 行：不明貨幣「XYZ」");
		assertThat(catalog.say("line 3: something new", Language.ZH_HANT)).isEqualTo("第 3 行：something new");
		assertThat(catalog.say("something new", Language.ZH_HANT)).isEqualTo("something new");
		assertThat(catalog.say(null, Language.ZH_HANT)).isNull();
	}

	@Test
	void aTemplateOfPunctuationOnlySaysTextWhosePartsAreKnown() {
		assertThat(catalog.say("LARGE: unknown currency 'X'; BLACK: unknown currency 'Y'", Language.ZH_HANT))
				.isEqualTo("LARGE：不明貨幣「X」；BLACK：不明貨幣「Y」");
		// an operator's own words stay exactly as written
		assertThat(catalog.say("note: customer called; will retry", Language.ZH_HANT)).isEqualTo("note: customer called; will retry");
	}

	@Test
	void aBrokenCatalogLineIsRefusedWithItsPlace() {
		assertThatThrownBy(() -> MessageCatalog.parse("x.tsv", "# header\nonly english\n")).hasMessageContaining("x.tsv line 2");
		assertThatThrownBy(() -> MessageCatalog.parse("x.tsv", "a\tb\t\n")).hasMessageContaining("x.tsv line 1");
	}
}

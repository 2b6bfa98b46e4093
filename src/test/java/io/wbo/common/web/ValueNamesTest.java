package io.wbo.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every code an export writes has a name in each language, and the same code is named per field. */
class ValueNamesTest {

	/** field → the enum whose constants that field holds (some are internal to their module, hence by name). */
	static final Map<String, String> FIELDS = Map.of(
			"withdrawal.status", "io.wbo.withdrawal.WithdrawalStatus",
			"withdrawal.channel", "io.wbo.withdrawal.internal.Channel",
			"reconciliation.result", "io.wbo.reconciliation.ReconciliationResult",
			"statement.direction", "io.wbo.reconciliation.Direction",
			"statement.status", "io.wbo.statement.internal.LineStatus");

	@Test
	void everyCodeOfTheExportedFieldsIsNamed() throws Exception {
		ValueNames names = ValueNames.get();
		for (Map.Entry<String, String> field : FIELDS.entrySet()) {
			Object[] codes = Class.forName(field.getValue()).getEnumConstants();
			assertThat(codes).as(field.getKey()).isNotEmpty();
			for (Object code : codes) {
				assertThat(names.names(field.getKey(), ((Enum<?>) code).name())).as(field.getKey() + " " + code).isTrue();
			}
		}
		for (String code : List.of("APP", "MANUAL")) {
			assertThat(names.names("withdrawal.source", code)).as(code).isTrue();
		}
		for (String code : List.of("PASSED", "FAILED")) {
			assertThat(names.names("withdrawal.risk", code)).as(code).isTrue();
		}
		for (String code : List.of("OPEN", "RESOLVED")) {
			assertThat(names.names("reconciliation.followUp", code)).as(code).isTrue();
		}
		assertThat(names.names("reconciliation.recordType", "WITHDRAWAL")).isTrue();
		for (String code : List.of("IMPORT", "API")) {
			assertThat(names.names("statement.source", code)).as(code).isTrue();
		}
	}

	@Test
	void namesACodeByItsFieldInTheLanguage() {
		ValueNames names = ValueNames.get();
		assertThat(names.name("statement.status", "MATCHED", MessageCatalog.Language.ZH_HANT)).isEqualTo("已匹配");
		assertThat(names.name("reconciliation.result", "MATCHED", MessageCatalog.Language.ZH_HANT)).isEqualTo("一致");
		assertThat(names.name("withdrawal.status", "SUBMITTED", MessageCatalog.Language.ZH_HANS)).isEqualTo("待处理");
		assertThat(names.name("withdrawal.status", "SUBMITTED", MessageCatalog.Language.EN)).isEqualTo("Pending processing");
		assertThat(names.name("withdrawal.status", "SOMETHING_NEW", MessageCatalog.Language.ZH_HANT)).isEqualTo("SOMETHING_NEW");
		assertThat(names.name("withdrawal.status", null, MessageCatalog.Language.ZH_HANT)).isNull();
		assertThat(Arrays.stream(MessageCatalog.Language.values()).map(l -> names.name("statement.direction", "OUT", l)))
				.containsExactly("Outflow", "出帳", "出账");
	}
}

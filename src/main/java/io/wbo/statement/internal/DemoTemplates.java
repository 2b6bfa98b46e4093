package io.wbo.statement.internal;

import java.util.List;
import java.util.Map;

import io.wbo.common.Actor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Three bank templates shaped like Hong Kong banks' statement exports (demo profile only): an HSBC-style CSV with
 * separate withdrawal and deposit columns, a Bank of China (Hong Kong) CSV in Big5 (read as Big5-HKSCS, which Hong Kong names need) with Chinese headers and direction
 * words, and a Hang Seng XLSX with one signed amount column.
 */
@Component
@Profile("demo")
@Order(10)
class DemoTemplates implements ApplicationRunner {

	private final StatementTemplates templates;
	private final JdbcClient jdbc;

	DemoTemplates(StatementTemplates templates, JdbcClient jdbc) {
		this.templates = templates;
		this.jdbc = jdbc;
	}

	static final TemplateDefinition HSBC = new TemplateDefinition("CSV", "UTF-8", ",", 1,
			Map.of("bookingDate", 1, "valueDate", 2, "description", 3, "reference", 4, "counterpartyName", 5, "counterpartyAccount", 6,
					"debit", 7, "credit", 8, "currency", 10),
			"dd/MM/yyyy", "DEBIT_CREDIT", ",", ".", null, null, null);

	static final TemplateDefinition BOCHK = new TemplateDefinition("CSV", "Big5-HKSCS", ",", 2,
			Map.of("bookingDate", 1, "reference", 2, "direction", 3, "amount", 4, "currency", 5, "counterpartyName", 6, "counterpartyAccount", 7,
					"counterpartyBank", 8, "description", 9),
			"yyyy/MM/dd", "DIRECTION_COLUMN", ",", ".", List.of("存入", "收入", "CR"), List.of("支出", "提取", "DR"), null);

	static final TemplateDefinition HANG_SENG = new TemplateDefinition("XLSX", "UTF-8", null, 1,
			Map.of("bookingDate", 1, "valueDate", 2, "description", 3, "amount", 4, "reference", 5, "counterpartyName", 6, "counterpartyAccount", 7),
			"dd-MM-yyyy", "SIGNED", ",", ".", null, null, "HKD");

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.sql("SELECT count(*) FROM statement_template").query(Integer.class).single();
		if (existing > 0) {
			return;
		}
		Actor seeder = Actor.system("demo-seed");
		templates.create(new StatementTemplates.TemplateBody("HSBC HK — account statement CSV", "HSBC Hong Kong", HSBC, true), seeder);
		templates.create(new StatementTemplates.TemplateBody("中銀香港 — 交易明細 CSV (Big5-HKSCS)", "Bank of China (Hong Kong)", BOCHK, true), seeder);
		templates.create(new StatementTemplates.TemplateBody("Hang Seng — transaction history XLSX", "Hang Seng Bank", HANG_SENG, true), seeder);
	}
}

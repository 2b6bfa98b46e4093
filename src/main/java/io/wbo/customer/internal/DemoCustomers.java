package io.wbo.customer.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import io.wbo.common.Actor;
import io.wbo.common.Asset;
import io.wbo.common.Money;
import io.wbo.customer.OpeningStatus;
import io.wbo.ledger.AccountKind;
import io.wbo.ledger.AccountRef;
import io.wbo.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo customers (demo profile only): Hong Kong names in English and Chinese, phones, securities accounts (a few
 * still opening), bank cards at Hong Kong banks, opening balances in HKD, USD and CNY, and the broker's company
 * accounts. Generated from a fixed seed, so every demo database looks the same.
 */
@Component
@Profile("demo")
@Order(2)
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

	private static final String[][] NAMES = {
			{ "Chan Tai Man", "陳大文" }, { "Wong Siu Ming", "黃小明" }, { "Lee Ka Yan", "李嘉欣" }, { "Cheung Wai Kit", "張偉傑" },
			{ "Lau Mei Ling", "劉美玲" }, { "Ho Chun Hei", "何俊希" }, { "Ng Wing Sze", "吳詠詩" }, { "Leung Chi Keung", "梁志強" },
			{ "Tam Hoi Yan", "譚凱欣" }, { "Yip Man Kit", "葉文傑" }, { "Kwok Siu Fung", "郭小峰" }, { "Tsang Ka Wai", "曾家偉" },
			{ "Lam Pui Shan", "林佩珊" }, { "Cheng Ho Yin", "鄭浩然" }, { "Fung Hiu Tung", "馮曉彤" }, { "Mak Chi Wai", "麥志偉" },
			{ "Poon Wing Yan", "潘詠欣" }, { "Siu Kwok Leung", "蕭國良" }, { "Tang Yuen Ting", "鄧婉婷" }, { "Wu Tsz Chun", "胡子俊" },
			{ "Yeung Sze Wan", "楊思韻" }, { "Choi Ka Lok", "蔡家樂" }, { "Chow Man Yee", "周敏儀" }, { "Kwan Tsz Ho", "關子豪" },
			{ "Law Hoi Ching", "羅凱晴" }, { "Lo Chun Kit", "盧俊傑" }, { "Mok Wai Man", "莫慧雯" }, { "Pang Siu Lung", "彭少龍" },
			{ "Shum Yan Ting", "岑欣婷" }, { "To Kin Wah", "杜健華" }, { "Wan Lok Yi", "溫樂儀" }, { "Yuen Ho Ming", "袁浩明" },
			{ "Hui Ching Yee", "許靜儀" }, { "Kong Chi Hang", "江志恒" }, { "Sin Wai Ying", "冼慧瑩" }, { "Au Yeung Tsz Lam", "歐陽子琳" } };

	private static final String[][] BANKS = { { "HSBC Hong Kong", "004" }, { "Hang Seng Bank", "024" },
			{ "Bank of China (Hong Kong)", "012" }, { "Standard Chartered Hong Kong", "003" }, { "Bank of East Asia", "015" },
			{ "DBS Bank (Hong Kong)", "016" } };

	private final CustomerStore store;
	private final Ledger ledger;

	DemoCustomers(CustomerStore store, Ledger ledger) {
		this.store = store;
		this.ledger = ledger;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (store.byNo("100001").isPresent()) {
			return;
		}
		List<String> channels = List.of("FPS", "CHATS", "RTGS", "TT", "LOCAL_TRANSFER", "CHEQUE");
		store.insertCompanyAccount("HSBC Hong Kong", "004", "004-500-888001-838", "WBO Securities Ltd - Client A/C",
				List.of("HKD", "USD", "CNY"), channels, "BOTH");
		store.insertCompanyAccount("Bank of China (Hong Kong)", "012", "012-875-0-066688-1", "WBO Securities Ltd - Client A/C",
				List.of("HKD", "CNY"), channels, "BOTH");
		store.insertCompanyAccount("Hang Seng Bank", "024", "024-388-123456-001", "WBO Securities Ltd - Collection",
				List.of("HKD"), List.of("FPS", "LOCAL_TRANSFER"), "RECEIVING");
		store.insertCompanyAccount("Standard Chartered Hong Kong", "003", "447-0-998877-6", "WBO Securities Ltd - USD Payout",
				List.of("USD"), List.of("CHATS", "TT"), "PAYING");

		Random random = new Random(20261122);
		Actor seeder = Actor.system("demo-seed");
		for (int i = 0; i < NAMES.length; i++) {
			String no = Integer.toString(100001 + i);
			OpeningStatus status = i >= 32 ? (i == 35 ? OpeningStatus.REJECTED : OpeningStatus.OPENING) : OpeningStatus.OPENED;
			String account = status == OpeningStatus.OPENED ? "M" + (60100001 + i) : null;
			String phone = "+852 " + (new int[] { 5, 6, 9 }[i % 3]) + String.format("%03d %04d", random.nextInt(1000), random.nextInt(10000));
			String email = NAMES[i][0].toLowerCase().replace(' ', '.') + "@example.hk";
			long id = store.insert(no, NAMES[i][0], NAMES[i][1], phone, email, account, status, null);
			String[] bank = BANKS[i % BANKS.length];
			store.insertCard(id, bank[0], bank[1], bank[1] + "-" + (100 + random.nextInt(900)) + "-" + (100000 + random.nextInt(900000)) + "-001",
					NAMES[i][0].toUpperCase(), "HKD", true);
			if (i % 3 == 0) {
				String[] usdBank = BANKS[(i + 3) % BANKS.length];
				store.insertCard(id, usdBank[0], usdBank[1], usdBank[1] + "-" + (100 + random.nextInt(900)) + "-" + (100000 + random.nextInt(900000)) + "-201",
						NAMES[i][0].toUpperCase(), "USD", true);
			}
			if (status != OpeningStatus.OPENED) {
				continue;
			}
			credit(id, Asset.HKD, new BigDecimal(10_000 + random.nextInt(1_990_000)).add(new BigDecimal(random.nextInt(100)).movePointLeft(2)), seeder);
			if (i % 3 == 0) {
				credit(id, Asset.USD, new BigDecimal(1_000 + random.nextInt(200_000)).add(new BigDecimal(random.nextInt(100)).movePointLeft(2)), seeder);
			}
			if (i % 4 == 0) {
				credit(id, Asset.CNY, new BigDecimal(5_000 + random.nextInt(500_000)), seeder);
			}
		}
		log.info("demo customers created: {} customers, 4 company accounts", NAMES.length);
	}

	private void credit(long customerId, Asset asset, BigDecimal amount, Actor seeder) {
		ledger.credit(customerId, new Money(asset, amount), AccountRef.system(AccountKind.ADJUSTMENT, asset),
				"DEMO:OPENING:" + customerId + ":" + asset.code(), "DemoOpeningBalance", Long.toString(customerId), seeder);
	}
}

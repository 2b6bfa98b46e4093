package io.wbo.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.wbo.common.CursorPage;
import io.wbo.customer.BankCard;
import io.wbo.customer.CompanyAccount;
import io.wbo.customer.Customer;
import io.wbo.customer.CustomerWithCard;
import io.wbo.customer.OpeningStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for customers, bank cards and company accounts. */
@Component
public class CustomerStore {

	private final JdbcClient jdbc;

	CustomerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Customer> byId(long id) {
		return jdbc.sql("SELECT * FROM customer WHERE id = :id").param("id", id).query(CustomerStore::customer).optional();
	}

	public List<Customer> byIds(java.util.Collection<Long> ids) {
		return jdbc.sql("SELECT * FROM customer WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
				.query(CustomerStore::customer).list();
	}

	public Optional<Customer> byNo(String customerNo) {
		return jdbc.sql("SELECT * FROM customer WHERE customer_no = :no").param("no", customerNo).query(CustomerStore::customer).optional();
	}

	/**
	 * Search by customer number, securities account or phone (exact or prefix), or by English or Chinese name (part of
	 * it). Each branch uses its own index.
	 */
	public CursorPage<Customer> search(@Nullable String q, @Nullable OpeningStatus status, int size, @Nullable Long after) {
		StringBuilder sql = new StringBuilder("SELECT * FROM customer c WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (q != null && !q.isBlank()) {
			String term = q.trim();
			sql.append(" " + """
					 AND (c.customer_no LIKE :prefix OR c.account_no LIKE :prefix OR (:phoneDigits <> '%%' AND c.phone_digits LIKE :phoneDigits)
					      OR lower(c.name_en) LIKE :lowerContains OR c.name_zh LIKE :contains)""");
			params.put("prefix", escape(term) + "%");
			params.put("phoneDigits", "%" + term.replaceAll("[^0-9]", "") + "%");
			params.put("lowerContains", "%" + escape(term.toLowerCase(Locale.ROOT)) + "%");
			params.put("contains", "%" + escape(term) + "%");
		}
		if (status != null) {
			sql.append(" AND c.opening_status = :status");
			params.put("status", status.name());
		}
		if (after != null) {
			sql.append(" AND c.id > :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY c.id LIMIT :limit");
		params.put("limit", size + 1);
		List<Customer> rows = jdbc.sql(sql.toString()).params(params).query(CustomerStore::customer).list();
		return CursorPage.of(new ArrayList<>(rows), size, c -> Long.toString(c.id()));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** {@code reportedAt}: the signed time of the account-opening report that brings the customer, if one did. */
	public long insert(String customerNo, String nameEn, @Nullable String nameZh, @Nullable String phone, @Nullable String email,
			@Nullable String accountNo, OpeningStatus status, java.time.@Nullable Instant reportedAt) {
		return jdbc.sql("""
				INSERT INTO customer (customer_no, name_en, name_zh, phone, email, account_no, opening_status, opening_reported_at)
				VALUES (:no, :en, :zh, :phone, :email, :account, :status, :at) RETURNING id""")
				.param("no", customerNo).param("en", nameEn).param("zh", nameZh).param("phone", phone).param("email", email)
				.param("account", accountNo).param("status", status.name()).param("at", reportedAt == null ? null : java.sql.Timestamp.from(reportedAt))
				.query(Long.class).single();
	}

	/**
	 * The status a report signed at {@code reportedAt} brings, unless a report signed later was applied already (then
	 * false). The condition is checked on the locked row, so two reports arriving together apply in the order signed.
	 */
	boolean updateOpening(long id, OpeningStatus status, @Nullable String accountNo, java.time.Instant reportedAt) {
		return jdbc.sql("""
				UPDATE customer SET opening_status = :status, account_no = coalesce(:account, account_no), opening_reported_at = :at,
				updated_at = now(), version = version + 1
				WHERE id = :id AND (opening_reported_at IS NULL OR opening_reported_at <= :at)""")
				.param("status", status.name()).param("account", accountNo).param("at", java.sql.Timestamp.from(reportedAt)).param("id", id)
				.update() == 1;
	}

	java.time.Instant openingReportedAt(long id) {
		return jdbc.sql("SELECT opening_reported_at FROM customer WHERE id = :id").param("id", id).query(java.sql.Timestamp.class).single()
				.toInstant();
	}

	public List<BankCard> cards(long customerId) {
		return jdbc.sql("SELECT * FROM bank_card WHERE customer_id = :c AND active ORDER BY id").param("c", customerId)
				.query(CustomerStore::card).list();
	}

	public List<BankCard> cardsOf(java.util.Collection<Long> customerIds) {
		return jdbc.sql("SELECT * FROM bank_card WHERE customer_id = ANY(:c) AND active ORDER BY id")
				.param("c", customerIds.toArray(Long[]::new)).query(CustomerStore::card).list();
	}

	/** The customer and their active card {@code cardId} (empty when it is another's or inactive) in one statement. */
	public Optional<CustomerWithCard> byIdWithCard(long customerId, long cardId) {
		return jdbc.sql("""
				SELECT c.*, b.id AS card_id, b.customer_id AS card_customer_id, b.bank_name AS card_bank_name,
				       b.bank_code AS card_bank_code, b.account_no AS card_account_no, b.holder_name AS card_holder_name,
				       b.currency AS card_currency, b.verified AS card_verified
				FROM customer c LEFT JOIN bank_card b ON b.id = :card AND b.customer_id = c.id AND b.active
				WHERE c.id = :id""")
				.param("id", customerId).param("card", cardId)
				.query((rs, n) -> new CustomerWithCard(customer(rs, n), rs.getObject("card_id") == null ? Optional.empty()
						: Optional.of(new BankCard(rs.getLong("card_id"), rs.getLong("card_customer_id"), rs.getString("card_bank_name"),
								rs.getString("card_bank_code"), rs.getString("card_account_no"), rs.getString("card_holder_name"),
								rs.getString("card_currency"), rs.getBoolean("card_verified"))), cardId))
				.optional();
	}

	public Optional<BankCard> card(long cardId) {
		return jdbc.sql("SELECT * FROM bank_card WHERE id = :id AND active").param("id", cardId).query(CustomerStore::card).optional();
	}

	public long insertCard(long customerId, String bankName, String bankCode, String accountNo, String holderName, String currency,
			boolean verified) {
		return jdbc.sql("""
				INSERT INTO bank_card (customer_id, bank_name, bank_code, account_no, holder_name, currency, verified)
				VALUES (:c, :bank, :code, :account, :holder, :currency, :verified) RETURNING id""")
				.param("c", customerId).param("bank", bankName).param("code", bankCode).param("account", accountNo)
				.param("holder", holderName).param("currency", currency).param("verified", verified).query(Long.class).single();
	}

	void updateCard(long cardId, String bankName, String bankCode, String accountNo, String holderName, String currency) {
		jdbc.sql("""
				UPDATE bank_card SET bank_name = :bank, bank_code = :code, account_no = :account, holder_name = :holder,
				currency = :currency, verified = false, version = version + 1 WHERE id = :id""")
				.param("bank", bankName).param("code", bankCode).param("account", accountNo).param("holder", holderName)
				.param("currency", currency).param("id", cardId).update();
	}

	public List<CompanyAccount> companyAccounts() {
		return jdbc.sql("SELECT * FROM company_account ORDER BY id").query(CustomerStore::companyAccount).list();
	}

	public Optional<CompanyAccount> companyAccount(long id) {
		return jdbc.sql("SELECT * FROM company_account WHERE id = :id").param("id", id).query(CustomerStore::companyAccount).optional();
	}

	public long insertCompanyAccount(String bankName, String bankCode, String accountNo, String accountName, List<String> currencies,
			List<String> channels, String purpose) {
		return jdbc.sql("""
				INSERT INTO company_account (bank_name, bank_code, account_no, account_name, currencies, channels, purpose)
				VALUES (:bank, :code, :account, :name, :currencies, :channels, :purpose) RETURNING id""")
				.param("bank", bankName).param("code", bankCode).param("account", accountNo).param("name", accountName)
				.param("currencies", currencies.toArray(String[]::new)).param("channels", channels.toArray(String[]::new))
				.param("purpose", purpose).query(Long.class).single();
	}

	static Customer customer(ResultSet rs, int n) throws SQLException {
		return new Customer(rs.getLong("id"), rs.getString("customer_no"), rs.getString("name_en"), rs.getString("name_zh"),
				rs.getString("phone"), rs.getString("email"), rs.getString("account_no"),
				OpeningStatus.valueOf(rs.getString("opening_status")), rs.getBoolean("frozen"), rs.getTimestamp("created_at").toInstant());
	}

	static BankCard card(ResultSet rs, int n) throws SQLException {
		return new BankCard(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("bank_name"), rs.getString("bank_code"),
				rs.getString("account_no"), rs.getString("holder_name"), rs.getString("currency"), rs.getBoolean("verified"));
	}

	static CompanyAccount companyAccount(ResultSet rs, int n) throws SQLException {
		return new CompanyAccount(rs.getLong("id"), rs.getString("bank_name"), rs.getString("bank_code"), rs.getString("account_no"),
				rs.getString("account_name"), List.of((String[]) rs.getArray("currencies").getArray()),
				List.of((String[]) rs.getArray("channels").getArray()), rs.getString("purpose"), rs.getBoolean("active"));
	}
}

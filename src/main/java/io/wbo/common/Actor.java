package io.wbo.common;

/**
 * Who is doing something, as recorded in the audit log: an operator, a customer (through the APP), an integration
 * (bank, account-opening system) or the system itself (jobs). Carried explicitly into every command.
 */
public record Actor(Kind kind, long id, String name, String ip) {

	public enum Kind { OPERATOR, CUSTOMER, INTEGRATION, SYSTEM }

	public static Actor system(String job) {
		return new Actor(Kind.SYSTEM, 0, job, "-");
	}

	public static Actor integration(String name, String ip) {
		return new Actor(Kind.INTEGRATION, 0, name, ip);
	}

	public boolean isOperator() {
		return kind == Kind.OPERATOR;
	}

	/** The actor as one audit column value, e.g. {@code OPERATOR:12:maker}. */
	public String label() {
		return kind + ":" + id + ":" + name;
	}
}

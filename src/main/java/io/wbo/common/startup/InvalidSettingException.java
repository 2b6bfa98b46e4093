package io.wbo.common.startup;

/**
 * A setting the engineer gave (an environment variable) that wbo cannot start with; reported at start by
 * {@link InvalidSettingFailureAnalyzer} as the setting and what is wrong with it.
 */
public class InvalidSettingException extends IllegalStateException {

	private final String setting;

	public InvalidSettingException(String setting, String problem) {
		super(setting + " " + problem);
		this.setting = setting;
	}

	public String setting() {
		return setting;
	}
}

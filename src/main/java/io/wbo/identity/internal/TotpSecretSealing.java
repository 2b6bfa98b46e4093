package io.wbo.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, with WBO_SECRETS_KEY set: the TOTP secrets enrolled before the key was set are sealed too, and those sealed
 * with WBO_SECRETS_PREVIOUS_KEY are sealed again with the current key.
 */
@Component
class TotpSecretSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TotpSecretSealing.class);

	private final OperatorStore operators;

	TotpSecretSealing(OperatorStore operators) {
		this.operators = operators;
	}

	@Override
	public void run(ApplicationArguments args) {
		int sealed = operators.sealStoredTotpSecrets();
		if (sealed > 0) {
			log.info("sealed {} operator TOTP secret(s) with the current WBO_SECRETS_KEY (stored unsealed or with the previous key)", sealed);
		}
	}
}

package io.wbo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TOTP secrets at rest: with WBO_SECRETS_KEY they are sealed in the database and open only with that key; the secrets
 * stored before the key was set are sealed by the next start. The store is built here with a key, on the real database.
 */
@WboTest
class TotpSecretSealIntegrationTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
			17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

	@Autowired
	JdbcClient jdbc;

	String stored(long id) {
		return jdbc.sql("SELECT totp_secret FROM operator WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void withAKeyTheSecretIsSealedInTheDatabaseAndOpensOnlyWithThatKey() {
		String secret = Totp.newSecret();
		OperatorStore plainStore = new OperatorStore(jdbc, new TotpSecretSeal(""));
		OperatorStore sealingStore = new OperatorStore(jdbc, new TotpSecretSeal(KEY));
		long maker = plainStore.byUsername("maker").orElseThrow().id();
		long checker = plainStore.byUsername("checker").orElseThrow().id();

		sealingStore.setTotp(maker, secret, true);
		assertThat(stored(maker)).startsWith("enc:v1:").doesNotContain(secret);
		assertThat(sealingStore.byUsername("maker").orElseThrow().totpSecret()).isEqualTo(secret);
		assertThatThrownBy(() -> plainStore.byUsername("maker")).hasMessageContaining("set WBO_SECRETS_KEY");
		byte[] other = Base64.getDecoder().decode(KEY);
		other[0] ^= 1;
		assertThatThrownBy(() -> new OperatorStore(jdbc, new TotpSecretSeal(Base64.getEncoder().encodeToString(other))).byUsername("maker"))
				.hasMessageContaining("another key");

		// the same secret seals the same way: setting it again (confirming the enrolment) keeps its last used step
		assertThat(sealingStore.useTotpStep(maker, 1000)).isTrue();
		sealingStore.setTotp(maker, secret, true);
		assertThat(sealingStore.useTotpStep(maker, 1000)).as("the step stays used").isFalse();

		// a secret enrolled before the key was set is sealed when the key comes
		String earlier = Totp.newSecret();
		plainStore.setTotp(checker, earlier, true);
		assertThat(stored(checker)).isEqualTo(earlier);
		assertThat(sealingStore.sealStoredTotpSecrets()).isEqualTo(1);
		assertThat(stored(checker)).startsWith("enc:v1:");
		assertThat(sealingStore.byUsername("checker").orElseThrow().totpSecret()).isEqualTo(earlier);
		assertThat(sealingStore.sealStoredTotpSecrets()).isZero();
	}

	@Test
	void theKeyRotatesTheSecretsSealedWithThePreviousKeyOpenAndTheNextStartSealsThemWithTheNewOne() {
		byte[] bytes = Base64.getDecoder().decode(KEY);
		bytes[31] ^= 7;
		String newKey = Base64.getEncoder().encodeToString(bytes);
		String secret = Totp.newSecret();
		OperatorStore oldStore = new OperatorStore(jdbc, new TotpSecretSeal(KEY));
		OperatorStore rotating = new OperatorStore(jdbc, new TotpSecretSeal(newKey, KEY));
		OperatorStore newStore = new OperatorStore(jdbc, new TotpSecretSeal(newKey));
		long approver = oldStore.byUsername("approver").orElseThrow().id();
		oldStore.setTotp(approver, secret, true);
		String sealedWithOld = stored(approver);
		assertThatThrownBy(() -> newStore.byUsername("approver")).as("the new key alone does not open it").hasMessageContaining("another key");

		assertThat(rotating.byUsername("approver").orElseThrow().totpSecret()).as("while rotating, it opens").isEqualTo(secret);
		assertThat(rotating.sealStoredTotpSecrets()).as("the start reseals it").isGreaterThanOrEqualTo(1);
		assertThat(stored(approver)).startsWith("enc:v1:").isNotEqualTo(sealedWithOld);
		assertThat(rotating.sealStoredTotpSecrets()).as("once").isZero();
		assertThat(newStore.byUsername("approver").orElseThrow().totpSecret()).as("the old key can go").isEqualTo(secret);
		assertThatThrownBy(() -> oldStore.byUsername("approver")).hasMessageContaining("another key");
		assertThatThrownBy(() -> new TotpSecretSeal("", KEY)).hasMessageContaining("WBO_SECRETS_PREVIOUS_KEY is set without WBO_SECRETS_KEY");
	}

	@Test
	void aKeyThatIsNotThirtyTwoBytesStopsTheStartByName() {
		assertThatThrownBy(() -> new TotpSecretSeal("c2hvcnQ=")).hasMessageContaining("WBO_SECRETS_KEY must be 32 bytes");
		assertThatThrownBy(() -> new TotpSecretSeal("not base64!")).hasMessageContaining("WBO_SECRETS_KEY must be 32 bytes");
	}
}

package io.wbo.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wbo.common.Hashing;
import io.wbo.testing.TestHttp;
import io.wbo.testing.WboTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Proofs (憑證, X-8) of withdrawals: upload, attach on creation (W-2, APP), read back, and replace through an edit (W-6). */
@WboTest
class WithdrawalProofIntegrationTests extends WithdrawalIntegrationTest {

	static long upload(TestHttp operator, String name, byte[] content) {
		TestHttp.Response r = operator.multipart("/api/files", Map.of(), "file", name, content);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	long manualWithProofs(WithdrawalFixtures.TestCustomer c, List<Long> proofIds) {
		Map<String, Object> body = new HashMap<>(Map.of("customerId", c.id(), "currency", "HKD", "amount", "100.00", "fee", "1.00",
				"bankCardId", c.cardId(), "proofIds", proofIds));
		TestHttp.Response r = maker.post("/api/withdrawals", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	static List<Long> ids(JsonNode proofs) {
		List<Long> ids = new ArrayList<>();
		proofs.forEach(p -> ids.add(p.get("id").asLong()));
		return ids;
	}

	@Test
	void anUploadedProofIsHashedAttachedOnCreationAndDownloadedAsItWas() {
		byte[] png = ProofSamples.png(0x336699);
		TestHttp.Response up = maker.multipart("/api/files", Map.of(), "file", "bank slip 收據.png", png);
		assertThat(up.status()).as(up.toString()).isEqualTo(201);
		JsonNode meta = up.json();
		long fileId = meta.get("id").asLong();
		assertThat(meta.get("name").asText()).isEqualTo("bank slip 收據.png");
		assertThat(meta.get("contentType").asText()).isEqualTo("image/png");
		assertThat(meta.get("size").asLong()).isEqualTo(png.length);
		assertThat(meta.get("sha256").asText()).isEqualTo(Hashing.sha256(png));
		long pdfId = upload(maker, "statement.pdf", ProofSamples.pdf());

		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long id = manualWithProofs(c, List.of(fileId, pdfId));
		JsonNode detail = maker.get("/api/withdrawals/" + id).json();
		assertThat(ids(detail.get("proofs"))).containsExactly(fileId, pdfId);
		assertThat(detail.get("proofs").get(1).get("contentType").asText()).isEqualTo("application/pdf");

		TestHttp.Binary preview = maker.getBinary("/api/withdrawals/" + id + "/proofs/" + fileId);
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).isEqualTo(png);
		assertThat(preview.header("Content-Type")).isEqualTo("image/png");
		assertThat(preview.header("Content-Disposition")).startsWith("inline").contains("filename*=UTF-8''bank%20slip%20");
		assertThat(preview.header("X-Content-Type-Options")).isEqualTo("nosniff");
		TestHttp.Binary saved = maker.getBinary("/api/withdrawals/" + id + "/proofs/" + pdfId + "?download=true");
		assertThat(saved.header("Content-Disposition")).startsWith("attachment");
		assertThat(saved.body()).isEqualTo(ProofSamples.pdf());

		// read access comes from the application: the checker (withdrawal view) may, a file of another record may not be reached
		assertThat(checker.getBinary("/api/withdrawals/" + id + "/proofs/" + fileId).status()).isEqualTo(200);
		long other = fx.manual(maker, fx.customer("500.00"), "10.00", "0");
		assertThat(maker.getBinary("/api/withdrawals/" + other + "/proofs/" + fileId).status()).isEqualTo(404);

		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'FILE_UPLOADED' AND entity_id = :id")
				.param("id", Long.toString(fileId)).query(Long.class).single()).isEqualTo(1);
		String created = jdbc.sql("SELECT changes FROM audit_entry WHERE action = 'WITHDRAWAL_CREATED' AND entity_id = :id")
				.param("id", Long.toString(id)).query(String.class).single();
		assertThat(created).contains("statement.pdf").contains(Hashing.sha256(png).substring(0, 12));
	}

	@Test
	void refusesEmptyOversizedAndDisguisedFilesNamingTheField() {
		TestHttp.Response text = maker.multipart("/api/files", Map.of(), "file", "receipt.jpg",
				"this is not a picture".getBytes(StandardCharsets.UTF_8));
		assertThat(text.status()).as(text.toString()).isEqualTo(400);
		assertThat(text.fieldError("file")).contains("not an accepted file type");

		TestHttp.Response empty = maker.multipart("/api/files", Map.of(), "file", "empty.png", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.fieldError("file")).isEqualTo("is empty");

		byte[] big = Arrays.copyOf(ProofSamples.png(0), 10 * 1024 * 1024 + 1);
		TestHttp.Response tooLarge = maker.multipart("/api/files", Map.of(), "file", "huge.png", big);
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
		assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
		assertThat(tooLarge.fieldError("file")).contains("at most 10 MB");

		TestHttp.Response missing = maker.multipart("/api/files", Map.of(), "other", "a.png", ProofSamples.png(0));
		assertThat(missing.fieldError("file")).isEqualTo("is required");
		assertThat(jdbc.sql("SELECT count(*) FROM stored_file WHERE name IN ('receipt.jpg', 'empty.png', 'huge.png')").query(Long.class)
				.single()).isZero();
	}

	@Test
	void aCustomerAttachesAndReadsOnlyTheirOwnUploads() {
		WithdrawalFixtures.TestCustomer alice = fx.customer("1000.00");
		WithdrawalFixtures.TestCustomer bob = fx.customer("1000.00");
		TestHttp aliceApp = TestHttp.customer(port, alice.customerNo());
		TestHttp bobApp = TestHttp.customer(port, bob.customerNo());
		byte[] slip = ProofSamples.png(0xAA0000);

		String key = UUID.randomUUID().toString();
		TestHttp.Response up = aliceApp.multipart("/app/v1/files", Map.of(), "file", "slip.png", slip, Map.of("Idempotency-Key", key));
		assertThat(up.status()).as(up.toString()).isEqualTo(201);
		long fileId = up.json().get("id").asLong();
		assertThat(up.json().get("sha256").asText()).isEqualTo(Hashing.sha256(slip));
		// a retry of the same upload (new multipart boundary, same content) is the same file; another file under the key is refused
		TestHttp.Response retry = aliceApp.multipart("/app/v1/files", Map.of(), "file", "slip.png", slip, Map.of("Idempotency-Key", key));
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json().get("id").asLong()).isEqualTo(fileId);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(aliceApp.multipart("/app/v1/files", Map.of(), "file", "slip.png", ProofSamples.png(0x00AA00),
				Map.of("Idempotency-Key", key)).status()).isEqualTo(422);
		assertThat(aliceApp.multipart("/app/v1/files", Map.of(), "file", "slip.png", slip).status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT count(*) FROM stored_file WHERE uploader_kind = 'CUSTOMER' AND uploader_id = :c")
				.param("c", alice.id()).query(Long.class).single()).isEqualTo(1);

		// Bob can neither read Alice's file nor attach it: nothing is created, nothing frozen
		assertThat(bobApp.getBinary("/app/v1/files/" + fileId).status()).isEqualTo(404);
		TestHttp.Response stolen = bobApp.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "100.00",
				"bankCardId", bob.cardId(), "proofIds", List.of(fileId)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(stolen.status()).as(stolen.toString()).isEqualTo(400);
		assertThat(stolen.fieldError("proofIds[0]")).isEqualTo("file " + fileId + " not found");
		assertThat(jdbc.sql("SELECT count(*) FROM withdrawal WHERE customer_id = :c").param("c", bob.id()).query(Long.class).single()).isZero();
		assertThat(fx.balance(bob.id()).frozen().text()).isEqualTo("0.00");

		TestHttp.Response mine = aliceApp.post("/app/v1/withdrawals", Map.of("currency", "HKD", "amount", "100.00",
				"bankCardId", alice.cardId(), "proofIds", List.of(fileId)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
		long id = mine.json().get("id").asLong();
		assertThat(ids(mine.json().get("proofs"))).containsExactly(fileId);
		JsonNode detail = aliceApp.get("/app/v1/withdrawals/" + id).json();
		assertThat(detail.get("proofs").get(0).get("sha256").asText()).isEqualTo(Hashing.sha256(slip));
		assertThat(aliceApp.get("/app/v1/withdrawals").json().get("items").get(0).get("proofs").size()).isEqualTo(1);
		TestHttp.Binary download = aliceApp.getBinary("/app/v1/files/" + fileId);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(slip);
		// the operator sees the customer's proof on the application
		assertThat(maker.getBinary("/api/withdrawals/" + id + "/proofs/" + fileId).body()).isEqualTo(slip);
	}

	@Test
	void anEditReplacesTheProofsOnlyWhenApproved() {
		WithdrawalFixtures.TestCustomer c = fx.customer("1000.00");
		long first = upload(maker, "first.png", ProofSamples.png(0x111111));
		long second = upload(maker, "second.pdf", ProofSamples.pdf());
		long id = manualWithProofs(c, List.of(first));
		fx.awaitStatus(maker, id, "RISK_PASSED");

		TestHttp.Response edit = maker.patch("/api/withdrawals/" + id, Map.of("proofIds", List.of(second)));
		assertThat(edit.status()).as(edit.toString()).isEqualTo(200);
		long wo = edit.json().get("id").asLong();
		JsonNode change = edit.json().get("changes").get(0);
		assertThat(change.get("field").asText()).isEqualTo("proofs");
		assertThat(change.get("before").asText()).startsWith("first.png");
		assertThat(change.get("after").asText()).startsWith("second.pdf");

		JsonNode pending = maker.get("/api/withdrawals/" + id).json();
		assertThat(ids(pending.get("proofs"))).containsExactly(first);
		assertThat(ids(pending.get("proposedProofs"))).containsExactly(second);
		assertThat(checker.getBinary("/api/withdrawals/" + id + "/proofs/" + second).status()).as("the checker can open what is proposed")
				.isEqualTo(200);

		WithdrawalFixtures.approve(checker, wo);
		fx.awaitStatus(maker, id, "RISK_PASSED");
		JsonNode approved = maker.get("/api/withdrawals/" + id).json();
		assertThat(ids(approved.get("proofs"))).containsExactly(second);
		assertThat(approved.get("proposedProofs").size()).isZero();
		assertThat(maker.getBinary("/api/withdrawals/" + id + "/proofs/" + first).status()).as("a replaced proof stays on record")
				.isEqualTo(200);

		// a rejected edit leaves the proofs alone; an edit that changes nothing is refused
		long wo2 = maker.patch("/api/withdrawals/" + id, Map.of("proofIds", List.of(first, second))).json().get("id").asLong();
		assertThat(checker.post("/api/work-orders/" + wo2 + "/reject", Map.of("comment", "keep")).status()).isEqualTo(200);
		assertThat(ids(maker.get("/api/withdrawals/" + id).json().get("proofs"))).containsExactly(second);
		assertThat(maker.patch("/api/withdrawals/" + id, Map.of("proofIds", List.of(second))).status()).isEqualTo(400);
		TestHttp.Response foreign = maker.patch("/api/withdrawals/" + id, Map.of("proofIds", List.of(Long.MAX_VALUE)));
		assertThat(foreign.fieldError("proofIds[0]")).contains("not found");
	}
}

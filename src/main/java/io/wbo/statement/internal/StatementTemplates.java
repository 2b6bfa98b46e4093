package io.wbo.statement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Bank templates (銀行帳單範本): configuration that admins edit in the console, audited field by field. */
@Service
class StatementTemplates {

	record Template(long id, String name, String bankName, TemplateDefinition definition, boolean active, Instant updatedAt, int version) {
	}

	record TemplateBody(@Nullable String name, @Nullable String bankName, @Nullable TemplateDefinition definition, @Nullable Boolean active) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditLog audit;

	StatementTemplates(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<Template> list() {
		return jdbc.sql("SELECT * FROM statement_template ORDER BY id").query(this::template).list();
	}

	@Transactional(readOnly = true)
	Template get(long id) {
		return find(id).orElseThrow(() -> DomainException.notFound("statement template", id));
	}

	Optional<Template> find(long id) {
		return jdbc.sql("SELECT * FROM statement_template WHERE id = :id").param("id", id).query(this::template).optional();
	}

	/**
	 * For an id in a request (import form): unknown or inactive is the caller's input error. A template saved before a
	 * rule of {@link TemplateDefinition#validate} existed may break it (the same thousands and decimal separator read
	 * 1234.56 as 123456.00): it imports nothing until it is corrected.
	 */
	Template require(long id, String field) {
		Template template = find(id).filter(Template::active).orElseThrow(() -> InvalidInputException.of(field, "no active statement template " + id));
		try {
			template.definition().validate();
		}
		catch (InvalidInputException e) {
			throw DomainException.rule("template-invalid", "statement template " + template.name() + " must be corrected before it imports a file: "
					+ e.errors().stream().map(error -> error.field() + ": " + error.message()).collect(java.util.stream.Collectors.joining("; ")));
		}
		return template;
	}

	@Transactional
	Template create(TemplateBody body, Actor actor) {
		validate(body);
		long id;
		try {
			id = jdbc.sql("INSERT INTO statement_template (name, bank_name, definition, active) VALUES (:name, :bank, CAST(:def AS jsonb), :active) RETURNING id")
					.param("name", body.name().trim()).param("bank", body.bankName().trim()).param("def", json.writeValueAsString(body.definition()))
					.param("active", body.active() == null || body.active()).query(Long.class).single();
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "a template with this name exists");
		}
		audit.record(AuditRecord.of(actor, "STATEMENT_TEMPLATE_CREATED", "StatementTemplate", id, List.of(FieldChange.set("name", body.name()),
				FieldChange.set("bankName", body.bankName()), FieldChange.set("definition", json.writeValueAsString(body.definition())))));
		return get(id);
	}

	@Transactional
	Template update(long id, TemplateBody body, Actor actor) {
		Template before = get(id);
		validate(body);
		boolean active = body.active() == null ? before.active() : body.active();
		int n;
		try {
			n = jdbc.sql("""
					UPDATE statement_template SET name = :name, bank_name = :bank, definition = CAST(:def AS jsonb), active = :active,
					  updated_at = now(), version = version + 1 WHERE id = :id AND version = :version""")
					.param("name", body.name().trim()).param("bank", body.bankName().trim()).param("def", json.writeValueAsString(body.definition()))
					.param("active", active).param("id", id).param("version", before.version()).update();
		}
		catch (DuplicateKeyException e) {
			throw InvalidInputException.of("name", "a template with this name exists");
		}
		if (n != 1) {
			throw new OptimisticLockingFailureException("template changed meanwhile");
		}
		audit.record(AuditRecord.of(actor, "STATEMENT_TEMPLATE_UPDATED", "StatementTemplate", id, new FieldChange.Diff()
				.field("name", before.name(), body.name().trim()).field("bankName", before.bankName(), body.bankName().trim())
				.field("definition", json.writeValueAsString(before.definition()), json.writeValueAsString(body.definition()))
				.field("active", before.active(), active).changes()));
		return get(id);
	}

	private static void validate(TemplateBody body) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		errors.require(body.name() != null && !body.name().isBlank(), "name", "is required");
		errors.require(body.bankName() != null && !body.bankName().isBlank(), "bankName", "is required");
		errors.require(body.definition() != null, "definition", "is required");
		errors.throwIfAny();
		body.definition().validate();
	}

	private Template template(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Template(rs.getLong("id"), rs.getString("name"), rs.getString("bank_name"),
				json.readValue(rs.getString("definition"), TemplateDefinition.class), rs.getBoolean("active"),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}

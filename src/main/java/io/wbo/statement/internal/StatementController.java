package io.wbo.statement.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.wbo.common.Actor;
import io.wbo.common.AmountRange;
import io.wbo.common.Asset;
import io.wbo.common.CursorPage;
import io.wbo.common.DomainException;
import io.wbo.common.InvalidInputException;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.common.web.MessageCatalog;
import io.wbo.common.web.SaidMessage;
import io.wbo.reconciliation.Direction;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** 銀行帳單 › 出金帳單 / 入金帳單: statement lines, imports and their history, bank templates. */
@RestController
class StatementController {

	private final StatementStore store;
	private final StatementOperations operations;
	private final StatementImporter importer;
	private final StatementTemplates templates;
	private final StatementExports exports;

	StatementController(StatementStore store, StatementOperations operations, StatementImporter importer, StatementTemplates templates,
			StatementExports exports) {
		this.store = store;
		this.operations = operations;
		this.importer = importer;
		this.templates = templates;
		this.exports = exports;
	}

	/** An upload endpoint called without a multipart body is the caller's input error, not a server fault. */
	@org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<org.springframework.http.ProblemDetail> notMultipart(org.springframework.web.multipart.MultipartException e) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(io.wbo.common.web.ProblemDetailsAdvice.validation(List.of(new InvalidInputException.FieldError("file",
						"a multipart/form-data upload with a file part is required"))));
	}

	record MatchedRecord(String type, @Nullable Long id, @Nullable String serial) {
	}

	record LineView(long id, long accountId, Direction direction, Direction originalDirection, String amount, String currency,
			LocalDate bookingDate, @Nullable LocalDate valueDate, @Nullable String bankReference, @Nullable String counterpartyName,
			@Nullable String counterpartyAccount, @Nullable String counterpartyBank, @Nullable String description, String source,
			@Nullable Long importId, @Nullable Integer lineNo, String status, @Nullable MatchedRecord matched, @Nullable String reconResult,
			@SaidMessage @Nullable String reconReason, @Nullable Long reconRunId, @Nullable String remark, Instant createdAt) {

		static LineView of(StatementLine l) {
			int scale = Asset.of(l.currency()).scale();
			return new LineView(l.id(), l.accountId(), l.direction(), l.originalDirection(), l.amount().setScale(scale, RoundingMode.UNNECESSARY).toPlainString(),
					l.currency(), l.bookingDate(), l.valueDate(), l.bankReference(), l.counterpartyName(), l.counterpartyAccount(),
					l.counterpartyBank(), l.description(), l.source(), l.importId(), l.lineNo(), l.status().name(),
					l.recordType() == null ? null : new MatchedRecord(l.recordType(), l.recordId(), l.recordSerial()), l.reconResult(),
					l.reconReason(), l.reconRunId(), l.remark(), l.createdAt());
		}
	}

	@PostMapping("/api/statements/import")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	StatementImporter.ImportResult importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) @Nullable Long templateId,
			@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable Long accountId, Actor actor) {
		if (accountId == null) {
			throw InvalidInputException.of("accountId", "is required");
		}
		StatementParser parser;
		String formatName;
		if (templateId != null) {
			parser = new TemplateParser(templates.require(templateId, "templateId").definition());
			formatName = "TEMPLATE";
		}
		else if (format == null || format.isBlank()) {
			throw InvalidInputException.of("templateId", "a template or a format (MT940, CAMT053) is required");
		}
		else {
			formatName = format.trim().toUpperCase(Locale.ROOT);
			parser = switch (formatName) {
				case "MT940" -> new Mt940Parser();
				case "CAMT053", "CAMT.053" -> new Camt053Parser();
				default -> throw InvalidInputException.of("format", "must be MT940 or CAMT053");
			};
			formatName = formatName.replace(".", "");
		}
		if (file.isEmpty()) {
			throw InvalidInputException.of("file", "is empty");
		}
		String name = file.getOriginalFilename() == null ? "statement" : file.getOriginalFilename();
		return importer.importFile(accountId, formatName, templateId, parser, name, file::getInputStream, actor);
	}

	@GetMapping("/api/statements")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	CursorPage<LineView> list(@RequestParam(required = false) @Nullable Direction direction, @RequestParam(required = false) @Nullable LineStatus status,
			@RequestParam(required = false) @Nullable Long accountId, @RequestParam(required = false) @Nullable LocalDate from,
			@RequestParam(required = false) @Nullable LocalDate to, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long importId, @RequestParam(required = false) @Nullable String minAmount,
			@RequestParam(required = false) @Nullable String maxAmount, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return store.search(filter(direction, status, accountId, from, to, q, importId, minAmount, maxAmount), CursorPage.size(size),
				CursorPage.afterId(after)).map(LineView::of);
	}

	@GetMapping("/api/statements/export")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	void export(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable Direction direction,
			@RequestParam(required = false) @Nullable LineStatus status, @RequestParam(required = false) @Nullable Long accountId,
			@RequestParam(required = false) @Nullable LocalDate from, @RequestParam(required = false) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long importId,
			@RequestParam(required = false) @Nullable String minAmount, @RequestParam(required = false) @Nullable String maxAmount,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		io.wbo.common.export.ExportFormat f = io.wbo.common.export.ExportFormat.parse(format);
		StatementStore.Filter filter = filter(direction, status, accountId, from, to, q, importId, minAmount, maxAmount);
		io.wbo.common.export.Exports.prepare(response, f, io.wbo.common.export.Exports.fileName("statement-lines", f));
		exports.export(filter, f, response.getOutputStream(), MessageCatalog.Language.ofRequest(request));
	}

	private static StatementStore.Filter filter(@Nullable Direction direction, @Nullable LineStatus status, @Nullable Long accountId,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q, @Nullable Long importId, @Nullable String minAmount,
			@Nullable String maxAmount) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		AmountRange amounts = AmountRange.parse(minAmount, maxAmount, errors);
		errors.throwIfAny();
		return new StatementStore.Filter(direction, status, accountId, from, to, q, importId, amounts.min(), amounts.max());
	}

	@GetMapping("/api/statements/{id}")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	LineView get(@PathVariable long id) {
		return LineView.of(operations.get(id));
	}

	record ReasonBody(@Nullable String reason) {
	}

	@DeleteMapping("/api/statements/{id}")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	LineView delete(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestBody(required = false) @Nullable ReasonBody body, Actor actor) {
		return LineView.of(operations.delete(id, reason != null ? reason : body == null ? null : body.reason(), actor));
	}

	record BatchBody(@Nullable List<Long> ids, @Nullable String reason) {
	}

	record BatchResult(List<StatementOperations.Outcome> results) {
	}

	@PostMapping("/api/statements/delete")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	BatchResult deleteBatch(@RequestBody BatchBody body, Actor actor) {
		if (Amounts.blankToNull(body.reason()) == null) {
			throw InvalidInputException.of("reason", "is required");
		}
		return new BatchResult(operations.batch(body.ids(), id -> operations.delete(id, body.reason(), actor)));
	}

	record RemarkBody(@Nullable String remark) {
	}

	@PostMapping("/api/statements/{id}/flip")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	LineView flip(@PathVariable long id, @RequestBody(required = false) @Nullable RemarkBody body, Actor actor) {
		return LineView.of(operations.flip(id, body == null ? null : body.remark(), actor));
	}

	@PostMapping("/api/statements/flip")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	BatchResult flipBatch(@RequestBody BatchBody body, Actor actor) {
		return new BatchResult(operations.batch(body.ids(), id -> operations.flip(id, body.reason(), actor)));
	}

	record TagBody(@Nullable String withdrawalId, @Nullable String recordId, @Nullable String recordType, @Nullable String reason) {
	}

	@PostMapping("/api/statements/{id}/tag")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	LineView tag(@PathVariable long id, @RequestBody TagBody body, Actor actor) {
		return LineView.of(operations.tag(id, body.withdrawalId() != null ? body.withdrawalId() : body.recordId(), body.recordType(), body.reason(), actor));
	}

	@PostMapping("/api/statements/{id}/reject-tag")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	LineView rejectTag(@PathVariable long id, @RequestBody(required = false) @Nullable ReasonBody body, Actor actor) {
		return LineView.of(operations.rejectTag(id, body == null ? null : body.reason(), actor));
	}

	@PostMapping("/api/statements/reject-tag")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	BatchResult rejectTagBatch(@RequestBody BatchBody body, Actor actor) {
		return new BatchResult(operations.batch(body.ids(), id -> operations.rejectTag(id, body.reason(), actor)));
	}

	@GetMapping("/api/statement-imports")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	CursorPage<StatementStore.ImportView> imports(@RequestParam(required = false) @Nullable Long accountId,
			@RequestParam(required = false) @Nullable Integer size, @RequestParam(required = false) @Nullable String after) {
		return store.imports(accountId, CursorPage.size(size), CursorPage.afterId(after));
	}

	@GetMapping("/api/statement-imports/{id}")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	StatementStore.ImportView importById(@PathVariable long id) {
		return store.importById(id).orElseThrow(() -> DomainException.notFound("statement import", id));
	}

	/** The original file as uploaded, streamed one stored chunk at a time. */
	@GetMapping("/api/statement-imports/{id}/file")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	ResponseEntity<StreamingResponseBody> originalFile(@PathVariable long id) {
		StatementStore.ImportView view = importById(id);
		int chunks = store.chunkCount(id);
		StreamingResponseBody body = (OutputStream out) -> {
			for (int seq = 0; seq < chunks; seq++) {
				out.write(store.chunk(id, seq));
			}
		};
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).contentLength(view.fileSize())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(view.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.body(body);
	}

	@GetMapping("/api/statement-templates")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	List<StatementTemplates.Template> templates() {
		return templates.list();
	}

	@GetMapping("/api/statement-templates/{id}")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	StatementTemplates.Template template(@PathVariable long id) {
		return templates.get(id);
	}

	@PostMapping("/api/statement-templates")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	StatementTemplates.Template createTemplate(@RequestBody StatementTemplates.TemplateBody body, Actor actor) {
		return templates.create(body, actor);
	}

	@PutMapping("/api/statement-templates/{id}")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	StatementTemplates.Template updateTemplate(@PathVariable long id, @RequestBody StatementTemplates.TemplateBody body, Actor actor) {
		return templates.update(id, body, actor);
	}

	/** The raw cells of the first rows, and each data row as the template reads it: a line, or the reason it is refused. */
	record Preview(List<List<String>> rows, List<PreviewLine> parsed) {
	}

	/** A cell the row does not have is null here, never the text "null". */
	record PreviewLine(int line, @Nullable Direction direction, @Nullable String amount, @Nullable String currency, @Nullable String bookingDate,
			@Nullable String reference, @Nullable String counterpartyName, @SaidMessage @Nullable String error) {

		static PreviewLine of(ParsedLine l) {
			return new PreviewLine(l.lineNo(), l.direction(), l.amount().toPlainString(), l.currency(), l.bookingDate().toString(), l.bankReference(),
					l.counterpartyName(), null);
		}

		static PreviewLine refused(int line, String error) {
			return new PreviewLine(line, null, null, null, null, null, null, error);
		}
	}

	/** The first rows of a sample file as a (possibly unsaved) template reads them: raw cells, then parsed lines or errors. */
	@PostMapping("/api/statement-templates/preview")
	@RequiresPermission(Permission.STATEMENT_MANAGE)
	Preview preview(@RequestPart("file") MultipartFile file, @RequestPart("definition") TemplateDefinition definition) throws IOException {
		definition.validate();
		List<List<String>> rows = TemplateParser.preview(definition, file.getInputStream(), 20);
		List<PreviewLine> parsed = new java.util.ArrayList<>();
		TemplateParser parser = new TemplateParser(definition);
		for (int i = definition.headerRows(); i < rows.size(); i++) {
			if (TemplateParser.blank(rows.get(i))) {
				continue;
			}
			parser.row(i + 1, rows.get(i), new LineSink() {
				@Override
				public void line(ParsedLine line) {
					parsed.add(PreviewLine.of(line));
				}

				@Override
				public void error(int n, String message) {
					parsed.add(PreviewLine.refused(n, message));
				}

				@Override
				public void account(int n, String accountId) {
					// a bank's CSV or XLSX export does not name its account
				}
			});
		}
		return new Preview(rows, parsed);
	}
}

package io.wbo.withdrawal.internal;

import java.util.List;

import io.wbo.common.Actor;
import io.wbo.common.CursorPage;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 支票列印 (W-12). The print history of one withdrawal is part of {@code GET /api/withdrawals/{id}}. */
@RestController
class ChequeController {

	private final ChequeService service;

	ChequeController(ChequeService service) {
		this.service = service;
	}

	@GetMapping("/api/cheques")
	@RequiresPermission({ Permission.CHEQUE_PRINT, Permission.WITHDRAWAL_VIEW })
	CursorPage<ChequeService.ChequeRow> list(@RequestParam(required = false) @Nullable Boolean printed,
			@RequestParam(required = false) @Nullable String serial, @RequestParam(required = false) @Nullable Integer size,
			@RequestParam(required = false) @Nullable String after) {
		return service.list(printed, serial, CursorPage.size(size), CursorPage.afterId(after));
	}

	record PrintBody(@Nullable List<ChequeService.PrintItem> items, @Nullable Boolean reprint, @Nullable String reason) {
	}

	/** 首打 ({@code reprint: false}) or 補打 ({@code reprint: true}, reason required) → the PDF, one cheque per page. */
	@PostMapping(value = "/api/cheques/print", produces = { MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	@RequiresPermission(Permission.CHEQUE_PRINT)
	ResponseEntity<byte[]> print(@RequestBody PrintBody body, Actor actor) {
		byte[] pdf = service.print(body.items(), Boolean.TRUE.equals(body.reprint()), body.reason(), actor);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("cheques.pdf").build().toString())
				.body(pdf);
	}
}

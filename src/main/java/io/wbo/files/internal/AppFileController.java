package io.wbo.files.internal;

import io.wbo.app.AppCustomer;
import io.wbo.common.DomainException;
import io.wbo.files.FileContent;
import io.wbo.files.FileSummary;
import io.wbo.files.StoredFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer's proofs in the APP: upload (through the idempotency filter like every creating POST), then
 * attach by id; a customer reads only their own uploads, another's id is simply not found.
 */
@RestController
class AppFileController {

	private final FileUploads uploads;
	private final StoredFiles files;

	AppFileController(FileUploads uploads, StoredFiles files) {
		this.uploads = uploads;
		this.files = files;
	}

	@PostMapping(path = "/app/v1/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	FileSummary upload(@RequestPart(name = "file", required = false) @Nullable MultipartFile file, AppCustomer me) {
		return FileSummary.of(uploads.upload(file, me.actor()));
	}

	@GetMapping("/app/v1/files/{id}")
	ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean download, AppCustomer me) {
		FileContent content = files.content(id);
		if (!content.file().uploadedBy(me.actor())) {
			throw DomainException.notFound("file", id);
		}
		return content.toResponse(download);
	}
}

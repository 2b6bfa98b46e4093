package io.wbo.files.internal;

import io.wbo.common.Actor;
import io.wbo.common.security.Permission;
import io.wbo.common.security.RequiresPermission;
import io.wbo.files.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Operators upload a proof before the application it belongs to exists (the manual withdrawal modal uploads first,
 * then sends the ids); who may read it afterwards is decided by the record it is attached to.
 */
@RestController
class FileController {

	private final FileUploads uploads;

	FileController(FileUploads uploads) {
		this.uploads = uploads;
	}

	/** The upload's metadata: {id, name, contentType (detected), size, sha256}. */
	@PostMapping(path = "/api/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@RequiresPermission({ Permission.WITHDRAWAL_APPLY, Permission.DEPOSIT_APPLY })
	StoredFile upload(@RequestPart(name = "file", required = false) @Nullable MultipartFile file, Actor actor) {
		return uploads.upload(file, actor);
	}
}

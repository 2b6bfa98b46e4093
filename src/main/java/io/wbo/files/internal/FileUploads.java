package io.wbo.files.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.wbo.audit.AuditLog;
import io.wbo.audit.AuditRecord;
import io.wbo.audit.FieldChange;
import io.wbo.common.Actor;
import io.wbo.common.Hashing;
import io.wbo.common.InvalidInputException;
import io.wbo.files.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Checks and keeps one upload, audited in the same transaction. */
@Service
class FileUploads {

	static final String FIELD = "file";
	static final String ENTITY = "StoredFile";

	private final UploadPolicy policy;
	private final FileStore store;
	private final AuditLog audit;

	FileUploads(UploadPolicy policy, FileStore store, AuditLog audit) {
		this.policy = policy;
		this.store = store;
		this.audit = audit;
	}

	@Transactional
	public StoredFile upload(@Nullable MultipartFile file, Actor uploader) {
		if (file == null) {
			throw InvalidInputException.of(FIELD, "is required");
		}
		policy.checkSize(FIELD, file.getSize());
		byte[] content = read(file);
		// the part's declared size is the client's word; the bytes are what gets stored
		policy.checkSize(FIELD, content.length);
		FileType type = policy.checkType(FIELD, content);
		String name = UploadPolicy.cleanName(file.getOriginalFilename(), type);
		String sha256 = Hashing.sha256(content);
		long id = store.insert(name, type, sha256, content, uploader);
		audit.record(AuditRecord.of(uploader, "FILE_UPLOADED", ENTITY, id, List.of(FieldChange.set("name", name),
				FieldChange.set("contentType", type.mediaType), FieldChange.set("size", content.length), FieldChange.set("sha256", sha256))));
		return store.describe(List.of(id)).get(0);
	}

	private static byte[] read(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package io.wbo.files;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.wbo.common.DomainException;
import io.wbo.files.internal.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads uploaded files for the modules that attach them; whether a caller may see one is the attaching module's rule. */
@Service
public class StoredFiles {

	private final FileStore store;

	StoredFiles(FileStore store) {
		this.store = store;
	}

	/** The files with these ids, in the given order; unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<StoredFile> describe(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, StoredFile> found = store.describe(ids).stream().collect(Collectors.toMap(StoredFile::id, Function.identity()));
		return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	@Transactional(readOnly = true)
	public Optional<StoredFile> find(long id) {
		return store.describe(List.of(id)).stream().findFirst();
	}

	@Transactional(readOnly = true)
	public FileContent content(long id) {
		return store.content(id).orElseThrow(() -> DomainException.notFound("file", id));
	}
}

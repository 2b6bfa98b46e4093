package io.wbo.files.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.wbo.common.Actor;
import io.wbo.files.FileContent;
import io.wbo.files.StoredFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code stored_file} table. Metadata queries never select the bytes. */
@Repository
public class FileStore {

	private static final String COLUMNS = "id, name, content_type, size, sha256, uploader_kind, uploader_id, uploader_name, created_at";

	private final JdbcClient jdbc;

	FileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, FileType type, String sha256, byte[] content, Actor uploader) {
		return jdbc.sql("""
				INSERT INTO stored_file (name, content_type, size, sha256, content, uploader_kind, uploader_id, uploader_name)
				VALUES (:name, :type, :size, :sha, :content, :kind, :uid, :uname) RETURNING id""")
				.param("name", name).param("type", type.mediaType).param("size", content.length).param("sha", sha256)
				.param("content", content).param("kind", uploader.kind().name()).param("uid", uploader.id())
				.param("uname", uploader.name()).query(Long.class).single();
	}

	public List<StoredFile> describe(Collection<Long> ids) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM stored_file WHERE id = ANY(:ids)").param("ids", ids.toArray(Long[]::new))
				.query(FileStore::map).list();
	}

	public Optional<FileContent> content(long id) {
		return jdbc.sql("SELECT " + COLUMNS + ", content FROM stored_file WHERE id = :id").param("id", id)
				.query((rs, n) -> new FileContent(map(rs, n), rs.getBytes("content"))).optional();
	}

	private static StoredFile map(ResultSet rs, int n) throws SQLException {
		return new StoredFile(rs.getLong("id"), rs.getString("name"), rs.getString("content_type"), rs.getLong("size"),
				rs.getString("sha256"), Actor.Kind.valueOf(rs.getString("uploader_kind")), rs.getLong("uploader_id"),
				rs.getString("uploader_name"), rs.getTimestamp("created_at").toInstant());
	}
}

/**
 * X-8 uploaded files: proofs (憑證) that operators and customers attach to withdrawals (and later deposits). Uploads
 * are checked by their content (JPEG, PNG, WEBP, HEIC, PDF, detected from the first bytes, never from the name or the
 * client's content type) and size, stored with their SHA-256, and read back by the modules that attach them: this
 * package is what they use, the upload endpoints and storage live in {@code internal}.
 */
@NullMarked
package io.wbo.files;

import org.jspecify.annotations.NullMarked;

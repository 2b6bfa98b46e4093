import type { components } from '../../api/schema';
import type { Present } from '../../api/types';

/**
 * Proofs (憑證) in the console: what may be uploaded (the server checks the content again; this only spares the
 * operator a useless upload), the ids a form sends, and how a stored proof is shown.
 */
export const PROOF_MAX_BYTES = 10 * 1024 * 1024;
export const PROOF_MAX_COUNT = 10;
export const PROOF_ACCEPT = '.jpg,.jpeg,.png,.webp,.heic,.heif,.pdf,image/jpeg,image/png,image/webp,image/heic,application/pdf';

const EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif', 'pdf'];

/** A stored proof as the server describes it (the generated StoredFile schema). */
export type StoredProof = Present<components['schemas']['StoredFile']>;

/** An i18n key saying why this file will not be accepted, or undefined when it may be uploaded. */
export function proofProblem(file: { name: string; size: number }): string | undefined {
  if (file.size <= 0) return 'wd.proof.empty';
  if (file.size > PROOF_MAX_BYTES) return 'wd.proof.tooLarge';
  const dot = file.name.lastIndexOf('.');
  const extension = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!EXTENSIONS.includes(extension)) return 'wd.proof.badType';
  return undefined;
}

/** The ids of the uploads that finished, in the order shown (what {@code proofIds} carries). */
export function proofIdsOf(files: { status?: string; response?: unknown }[] | undefined): number[] {
  return (files ?? [])
    .filter((f) => f.status === 'done')
    .map((f) => (f.response as { id?: unknown } | undefined)?.id)
    .filter((id): id is number => typeof id === 'number');
}

/** The edit's proof list, or undefined when it is the current one (so the work order only shows real changes). */
export function changedProofIds(current: number[], edited: number[]): number[] | undefined {
  return current.length === edited.length && current.every((id, i) => id === edited[i]) ? undefined : edited;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/') && contentType !== 'image/heic'; // browsers do not render HEIC
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export const proofUrl = (withdrawalId: number, fileId: number, download = false) =>
  `/api/withdrawals/${withdrawalId}/proofs/${fileId}${download ? '?download=true' : ''}`;

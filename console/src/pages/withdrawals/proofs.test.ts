import { describe, expect, it } from 'vitest';
import { changedProofIds, formatSize, isImage, PROOF_MAX_BYTES, proofIdsOf, proofProblem, proofUrl } from './proofs';

describe('proofs', () => {
  it('refuses empty, oversized and unlisted files before uploading', () => {
    expect(proofProblem({ name: 'slip.JPG', size: 1000 })).toBeUndefined();
    expect(proofProblem({ name: 'statement.pdf', size: PROOF_MAX_BYTES })).toBeUndefined();
    expect(proofProblem({ name: 'slip.png', size: 0 })).toBe('wd.proof.empty');
    expect(proofProblem({ name: 'slip.png', size: PROOF_MAX_BYTES + 1 })).toBe('wd.proof.tooLarge');
    expect(proofProblem({ name: 'notes.txt', size: 10 })).toBe('wd.proof.badType');
    expect(proofProblem({ name: 'noextension', size: 10 })).toBe('wd.proof.badType');
  });

  it('sends the ids of finished uploads only, in order', () => {
    expect(
      proofIdsOf([
        { status: 'done', response: { id: 7 } },
        { status: 'uploading' },
        { status: 'error', response: { type: 'invalid-input' } },
        { status: 'done', response: { id: 3 } },
      ]),
    ).toEqual([7, 3]);
    expect(proofIdsOf(undefined)).toEqual([]);
  });

  it('leaves the proofs out of an edit that keeps them as they are', () => {
    expect(changedProofIds([1, 2], [1, 2])).toBeUndefined();
    expect(changedProofIds([1, 2], [2, 1])).toEqual([2, 1]);
    expect(changedProofIds([1], [])).toEqual([]);
  });

  it('previews the images a browser can show and sizes files for people', () => {
    expect(isImage('image/png')).toBe(true);
    expect(isImage('image/heic')).toBe(false);
    expect(isImage('application/pdf')).toBe(false);
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(proofUrl(5, 9)).toBe('/api/withdrawals/5/proofs/9');
    expect(proofUrl(5, 9, true)).toBe('/api/withdrawals/5/proofs/9?download=true');
  });
});

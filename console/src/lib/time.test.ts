import { describe, expect, it } from 'vitest';
import { formatTime } from './time';

describe('time formatting', () => {
  it('shows UTC instants in Hong Kong time', () => {
    expect(formatTime('2026-11-22T16:30:00Z')).toBe('2026-11-23 00:30:00');
    expect(formatTime('2026-01-01T00:00:00.123456Z')).toBe('2026-01-01 08:00:00');
  });
  it('is empty for no value', () => {
    expect(formatTime(null)).toBe('');
  });
});

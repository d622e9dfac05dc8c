import { describe, expect, it } from 'vitest';
import { waktuText } from '../../core/waktu.js';

describe('a server time in the reader\'s words', () => {
  it('is never ISO UTC, names the month in the language, and keeps anything unreadable as given', () => {
    const at = '2026-12-04T08:40:50.354Z';
    expect(waktuText(at, 'id')).not.toMatch(/T\d\d:|Z$/);
    expect(waktuText(at, 'id')).toMatch(/Des 2026/);
    expect(waktuText(at, 'en')).toMatch(/Dec 2026/);
    expect(waktuText('kemarin', 'id')).toBe('kemarin');
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_PAIRS, respelt, sameName } from '../../lib/alerts/same-name.ts';

describe('sameName', () => {
  it.each([
    ['Patient Advocacy Grups', 'Patient Advocacy Groups'],
    ['Patient Advocacy Group', 'patient-advocacy  groups'],
    ['Rural Health Care Providers', 'Rural Healthcare Providers'],
    ['Union', 'Unions'],
    ['xabcdefghijy', 'yabcdefghijx'],
    ['a'.repeat(299) + 'b', 'a'.repeat(300)],
  ])('calls %j and %j one name', (a, b) => expect(sameName(a, b)).toBe(true));

  it.each([
    ['Youth', 'Truth'],
    ['Farmers', 'Workers'],
    ['Rural Healthcare Providers', 'Patient Advocacy Groups'],
    ['abcdefghijkl', 'abcdefghijklmno'],
    ['xabcdefghijyz', 'yabcdefghijxw'],
  ])('calls %j and %j two names', (a, b) => expect(sameName(a, b)).toBe(false));
});

describe('respelt', () => {
  it('finds the names an update only respelt, not the ones it dropped', () => {
    expect(respelt(['Patient Advocacy Grups', 'Rural Providers', 'Unions'], ['Patient Advocacy Groups', 'Unions'])).toEqual(
      new Set(['Patient Advocacy Grups']),
    );
  });

  it('compares no more than MAX_PAIRS pairs of names', () => {
    const gone = Array.from({ length: 11 }, (_, i) => `Name number ${i}x`);
    const added = Array.from({ length: 5 }, (_, i) => `Name number ${i}y`);
    expect(gone.length * added.length).toBeGreaterThan(MAX_PAIRS);
    expect(respelt(gone, added)).toEqual(new Set());
    expect(respelt(gone.slice(0, 10), added).size).toBe(10);
  });
});

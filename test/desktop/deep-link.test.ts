import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../main/deep-link.ts';

describe('syncode://join/<code> deep links', () => {
  it('accepts a well-formed 6-character invite code, case-insensitively, with an optional trailing slash', () => {
    expect(parseDeepLink('syncode://join/ABC234')).toEqual({ code: 'ABC234' });
    expect(parseDeepLink('syncode://join/abc234')).toEqual({ code: 'ABC234' });
    expect(parseDeepLink('SYNCODE://JOIN/Hjk789/')).toEqual({ code: 'HJK789' });
    expect(parseDeepLink('syncode://join/ZZZZZZ')).toEqual({ code: 'ZZZZZZ' });
  });

  it.each([
    ['other scheme', 'https://join/ABC234'],
    ['other action', 'syncode://open/ABC234'],
    ['too short', 'syncode://join/ABC23'],
    ['too long', 'syncode://join/ABC2345'],
    ['0 is not in the alphabet', 'syncode://join/ABC230'],
    ['O is not in the alphabet', 'syncode://join/ABCO23'],
    ['1 is not in the alphabet', 'syncode://join/ABC231'],
    ['I is not in the alphabet', 'syncode://join/ABCI23'],
    ['query string', 'syncode://join/ABC234?x=1'],
    ['fragment', 'syncode://join/ABC234#x'],
    ['extra segment', 'syncode://join/ABC234/more'],
    ['path traversal', 'syncode://join/../ABC234'],
    ['encoded characters', 'syncode://join/ABC%324'],
    ['credentials', 'syncode://user@join/ABC234'],
    ['empty', ''],
    ['huge', `syncode://join/${'A'.repeat(10_000)}`],
    ['not a string', 42],
  ])('rejects %s', (_what, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });

  it('finds the link among command-line arguments (Windows/Linux second instance)', () => {
    expect(findDeepLink(['/opt/SynCode/syncode', '--no-sandbox', 'syncode://join/PQR678'])).toEqual({ code: 'PQR678' });
    expect(findDeepLink(['/opt/SynCode/syncode', 'syncode://join/bad'])).toBeNull();
  });
});

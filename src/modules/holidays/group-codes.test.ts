import { describe, expect, it } from 'vitest';
import { isIssuedGroupCode, issueGroupCode } from './group-codes.js';

describe('group codes', () => {
  it('accepts only codes the server issued for the same season', () => {
    const code = issueGroupCode('secret-one', 'season-a');
    expect(code).toMatch(/^[A-Z2-9]{6}-[A-Z2-9]{8}$/);
    expect(isIssuedGroupCode('secret-one', 'season-a', code)).toBe(true);
    expect(isIssuedGroupCode('secret-one', 'season-a', code.toLowerCase())).toBe(true);
    expect(isIssuedGroupCode('secret-one', 'season-b', code)).toBe(false);
    expect(isIssuedGroupCode('secret-two', 'season-a', code)).toBe(false);
    const tampered = `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`;
    expect(isIssuedGroupCode('secret-one', 'season-a', tampered)).toBe(false);
    expect(isIssuedGroupCode('secret-one', 'season-a', 'GESCHWISTER')).toBe(false);
  });
});

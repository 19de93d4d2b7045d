import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseEvalArgs } from '../../../scripts/eval/args';

describe('eval arguments', () => {
  const root = tmpdir();

  it("measures each sampled frame as that instant's pose unless the live filter is asked for", () => {
    expect(parseEvalArgs([root]).smoothing).toBe(false);
    expect(parseEvalArgs([root, '--smoothing']).smoothing).toBe(true);
  });

  it('refuses what it does not know, with the usage', () => {
    expect(() => parseEvalArgs([root, '--smooth'])).toThrow(/Unknown option --smooth\nUsage/);
    expect(() => parseEvalArgs([root, '--model', 'heavy'])).toThrow(/Unknown model heavy/);
    expect(() => parseEvalArgs([`${root}/no-such-folder-here`])).toThrow(/does not exist/);
  });
});

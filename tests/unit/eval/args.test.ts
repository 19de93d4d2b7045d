import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVERY_NTH, parseEvalArgs } from '../../../scripts/eval/args';

describe('eval arguments', () => {
  const root = mkdtempSync(join(tmpdir(), 'eval-args-'));

  it("measures each sampled frame as that instant's pose unless the live filter is asked for", () => {
    expect(parseEvalArgs([root]).smoothing).toBe(false);
    expect(parseEvalArgs([root, '--smoothing']).smoothing).toBe(true);
  });

  it('refuses what it does not know, with the usage', () => {
    expect(() => parseEvalArgs([root, '--smooth'])).toThrow(/Unknown option --smooth\nUsage/);
    expect(() => parseEvalArgs([root, '--model', 'heavy'])).toThrow(/Unknown model heavy/);
    expect(() => parseEvalArgs([`${root}/no-such-folder-here`])).toThrow(/does not exist/);
  });

  it('switches to studio mode when the folder holds truth sidecars, at any depth', () => {
    const studio = mkdtempSync(join(tmpdir(), 'studio-eval-'));
    mkdirSync(join(studio, 'set1'));
    writeFileSync(join(studio, 'set1', 'a.truth.json'), '{}');
    const args = parseEvalArgs([studio, '--model', 'lightning,blazepose-full', '--every', '5']);
    expect(args).toMatchObject({ mode: 'studio', everyNth: 5, model: 'movenet-lightning' });
    expect(args.models).toEqual(['movenet-lightning', 'blazepose-full']);
    expect(args.poseCache).not.toBeNull();
    expect(parseEvalArgs([studio]).everyNth).toBe(DEFAULT_EVERY_NTH);
    expect(() => parseEvalArgs([studio, '--fps', '5'])).toThrow(/sampled with --every N/);
    expect(() => parseEvalArgs([studio, '--every', '0'])).toThrow(/whole number/);
  });

  it('keeps real-data mode as it was, and refuses studio options there', () => {
    const plain = mkdtempSync(join(tmpdir(), 'realdata-eval-'));
    expect(parseEvalArgs([plain])).toMatchObject({ mode: 'realdata', poseCache: null });
    expect(() => parseEvalArgs([plain, '--every', '5'])).toThrow(/for studio clips/);
    expect(() => parseEvalArgs([plain, '--model', 'lightning,thunder'])).toThrow(
      /for studio clips/,
    );
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDecisionsFile } from '../../src-main/cli/decision-commands.js';
import { describeError } from '../../src-main/errors/describe-error.js';
import { disposeAfterEach } from '../support/dispose-after-each.js';
import { testGroup } from '../support/test-group.js';

const track = disposeAfterEach();
const group = async (...args: Parameters<typeof testGroup>) => track(await testGroup(...args));

const acme = { customer: '411ACME', customerName: 'ACME INDUSTRIE SAS' };
const folder = mkdtempSync(join(tmpdir(), 'lettra-decisions-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Two receipts of ACME's, each paying one invoice; the engine allocates neither.
async function twoReceipts() {
  const made = await group([
    { ...acme, number: 'F-1', amount: '100.00' },
    { ...acme, number: 'F-2', amount: '200.00' },
  ]);
  const [first, second] = made.receive([
    { amount: '100.00', payerName: 'X', text: 'VIREMENT' },
    { amount: '200.00', payerName: 'X', text: 'VIREMENT' },
  ]);
  const allocate = (id: number, invoice: string, amount: string) => ({
    id,
    action: 'allocate',
    allocations: [{ company: 'C01', invoice, amount }],
  });
  const status = (id: number) =>
    made.api['allocations.export']({}).find((receipt) => receipt.id === id)?.status;
  return { ...made, first: first!.id, second: second!.id, allocate, status };
}

describe('a decisions file', () => {
  it('refuses a decision whose allocations are not a list, naming it, and applies the others', async () => {
    const { api, first, second, allocate, status } = await twoReceipts();
    const outcomes = api['decisions.apply']({
      decisions: [
        allocate(first, 'F-1', '100.00'),
        { id: second, action: 'allocate', allocations: { company: 'C01', invoice: 'F-2' } },
        allocate(second, 'F-2', '200.00'),
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ position: 2, id: second, action: 'allocate' });
    expect(outcomes[1]?.error).toMatch(/field allocations: a list of lines .*not an object/);
    expect(status(first)).toBe('validated');
    expect(status(second)).toBe('validated');
  });

  it('refuses null lines and lines with fields of the wrong type, each named', async () => {
    const { api, first, second } = await twoReceipts();
    const outcomes = api['decisions.apply']({
      decisions: [
        { id: first, action: 'allocate', allocations: [null] },
        {
          id: second,
          action: 'allocate',
          allocations: [
            { company: 1, invoice: 'F-2', amount: '200.00' },
            { company: 'C01', invoice: 2, customer: [], amount: true, kind: 'gift' },
            { company: 'C01', invoice: 'F-2', amount: '12,345.678' },
          ],
        },
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([false, false]);
    expect(outcomes[0]?.error).toMatch(/field allocations\[0\]: a line is an object .*not null/);
    const problems = outcomes[1]?.error ?? '';
    expect(problems).toMatch(/field allocations\[0\]\.company: .* as text, not 1/);
    expect(problems).toMatch(/field allocations\[1\]\.invoice: .* as text, not 2/);
    expect(problems).toMatch(/field allocations\[1\]\.customer: .* as text, not a list/);
    expect(problems).toMatch(/field allocations\[1\]\.amount: .*not true/);
    expect(problems).toMatch(/field allocations\[1\]\.kind: one of invoice, .*not "gift"/);
    expect(problems).toMatch(/field allocations\[2\]\.amount: "12,345.678" is not an amount/);
  });

  it('reports every malformed decision, a bad action or id among them, and goes on', async () => {
    const { api, first, second, allocate, status } = await twoReceipts();
    const outcomes = api['decisions.apply']({
      decisions: [
        { id: first, action: 'acept' },
        { id: '2', action: 'reject' },
        'reject',
        { action: 'accept' },
        { id: first, action: 'choose' },
        { id: first, action: 'choose', proposal: 0 },
        allocate(second, 'F-2', '200.00'),
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.applied)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(outcomes.map((outcome) => outcome.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(outcomes.map((outcome) => outcome.id)).toEqual([
      first,
      null,
      null,
      null,
      first,
      first,
      second,
    ]);
    expect(outcomes[0]?.error).toMatch(
      /field action: accept, choose, allocate or reject, not "acept"/,
    );
    expect(outcomes[1]?.error).toMatch(/field id: .*whole number.*not "2"/);
    expect(outcomes[2]?.error).toMatch(/a decision is an object/);
    expect(outcomes[3]?.error).toMatch(/field id: .*not nothing/);
    expect(outcomes[4]?.error).toMatch(/field proposal: missing: choose needs the rank/);
    expect(outcomes[5]?.error).toMatch(/field proposal: the rank of a proposal .*not 0/);
    expect(status(first)).toBe('proposed');
    expect(status(second)).toBe('validated');
  });

  it('refuses fields that do not go with the action, or that no decision has', async () => {
    const { api, first } = await twoReceipts();
    const line = [{ company: 'C01', invoice: 'F-1', amount: '100.00' }];
    const outcomes = api['decisions.apply']({
      decisions: [
        { id: first, action: 'reject', allocations: line },
        { id: first, action: 'accept', proposal: 2 },
        { id: first, action: 'accept', allocations: line },
        { id: first, action: 'allocate', proposal: 1, allocations: line },
        { id: first, action: 'reject', comment: 'bank interest' },
        { id: first, action: 'allocate', allocations: [{ ...line[0], note: 'x' }] },
      ],
      actor: 'claire',
    });
    expect(outcomes.every((outcome) => !outcome.applied)).toBe(true);
    const errors = outcomes.map((outcome) => outcome.error);
    expect(errors[0]).toMatch(/field allocations: reject allocates nothing and takes no lines/);
    expect(errors[1]).toMatch(/field proposal: accept takes .*; use choose/);
    expect(errors[2]).toMatch(/field allocations: accept takes the engine’s lines/);
    expect(errors[3]).toMatch(/field proposal: allocate takes the lines given/);
    expect(errors[4]).toMatch(/field comment: unknown/);
    expect(errors[5]).toMatch(/field allocations\[0\]\.note: unknown/);
  });

  it('says a receipt without proposal has none to accept, and which proposals one has', async () => {
    const { api, receive } = await group([
      { ...acme, number: 'F-1', amount: '845.10' },
      { customer: '411DURA', customerName: 'DURAND ET FILS SARL', number: 'F-2', amount: '845.10' },
    ]);
    const [twins, stranger] = receive([
      { amount: '845.10', payerName: 'M JEAN DUPONT', text: 'PAIEMENT' },
      { amount: '55.55', payerName: 'X', text: 'VIREMENT' },
    ]);
    expect(twins?.proposals.map((proposal) => proposal.rank)).toEqual([1, 2]);
    expect(stranger?.proposals).toEqual([]);
    const outcomes = api['decisions.apply']({
      decisions: [
        { id: stranger!.id, action: 'accept' },
        { id: stranger!.id, action: 'choose', proposal: 1 },
        { id: twins!.id, action: 'choose', proposal: 3 },
      ],
      actor: 'claire',
    });
    expect(outcomes.map((outcome) => outcome.error)).toEqual([
      `field proposal: receipt ${stranger!.id} has no allocation nor proposal to accept`,
      `field proposal: receipt ${stranger!.id} has no proposal to choose from`,
      `field proposal: receipt ${twins!.id} has no proposal 3, only 1, 2`,
    ]);
  });
});

describe('the decisions file as lettra decide reads it', () => {
  it('says a missing file was not found, where it was looked for', () => {
    const path = join(folder, 'decisons.json');
    expect(() => readDecisionsFile(path)).toThrow(/decisons\.json: no file at .*decisons\.json/);
    try {
      readDecisionsFile(path);
    } catch (error) {
      expect(describeError(error, 'en')).toMatch(/^File not found\. /);
      expect(describeError(error, 'fr')).toMatch(/^Fichier introuvable\. /);
    }
  });

  it('says an empty file is empty and a file that is not JSON is not', () => {
    const empty = join(folder, 'empty.json');
    const text = join(folder, 'notes.json');
    writeFileSync(empty, '\n');
    writeFileSync(text, 'id 812 accept');
    expect(() => readDecisionsFile(empty)).toThrow(/empty\.json: the file is empty/);
    expect(() => readDecisionsFile(text)).toThrow(/notes\.json: not valid JSON/);
  });
});

import { Severity } from '../incidents/incident-types.js';
import type { ApprovalPolicy } from './entities/approval-policy.entity.js';
import fc from 'fast-check';
import { applicablePolicies, matchPreApproved } from './approval-policy.js';
import { renderCanonical } from './statement-text.js';

/** A holding statement as approved: the pre-approved title, then the body. */
const asRendered = (body: string, title = 'Thông tin ban đầu') => renderCanonical(title, body);

const policy = (patch: Partial<ApprovalPolicy>): ApprovalPolicy =>
  ({
    id: patch.key ?? 'p',
    key: 'p',
    version: 1,
    name: 'p',
    priority: 0,
    statementTypes: [],
    minSeverity: null,
    maxSeverity: null,
    orgUnitId: null,
    fastPath: false,
    stages: [],
    effectiveFrom: '2017-01-01',
    effectiveTo: null,
    legalBasis: null,
    createdAt: new Date(),
    ...patch,
  }) as ApprovalPolicy;

const ctx = {
  statementType: 'holding_statement',
  severity: Severity.L2,
  unitLineage: ['unit-a', 'province'],
  day: '2026-12-01',
  fastPathEligible: false,
};

describe('approval policies', () => {
  const standard = policy({ key: 'standard' });
  const fast = policy({ key: 'fast', priority: 10, fastPath: true, statementTypes: ['holding_statement'] });
  const provincial = policy({ key: 'prov', priority: 5, minSeverity: 'L3' });
  const unitOnly = policy({ key: 'unit', priority: 3, orgUnitId: 'unit-b' });
  const ended = policy({ key: 'ended', priority: 20, effectiveTo: '2026-06-30' });
  const v2 = policy({ key: 'standard', version: 2 });
  const all = [standard, fast, provincial, unitOnly, ended, v2];

  it('takes the fast path only when the text is made of pre-approved lines', () => {
    expect(applicablePolicies(all, ctx)[0]).toBe(v2);
    expect(applicablePolicies(all, { ...ctx, fastPathEligible: true })[0]).toBe(fast);
  });

  it('matches on severity, unit lineage and dates', () => {
    expect(applicablePolicies(all, { ...ctx, severity: Severity.L4 })[0]).toBe(provincial);
    expect(applicablePolicies(all, { ...ctx, unitLineage: ['unit-b'] })[0]).toBe(unitOnly);
    expect(applicablePolicies(all, { ...ctx, day: '2026-01-01' })[0]).toBe(ended);
  });

  it('recognizes a body built from pre-approved lines with placeholders filled', () => {
    const lines = [
      {
        id: 'l1',
        text: '{don_vi} đã nắm được thông tin về {su_viec} và đang khẩn trương kiểm tra, xác minh.',
      },
      { id: 'l2', text: 'Thông tin tiếp theo sẽ được cập nhật vào {thoi_gian_cap_nhat}.' },
    ];
    const ok = matchPreApproved(
      asRendered(
        'Sở Y tế tỉnh An Hòa đã nắm được thông tin về vụ ngộ độc tại trường Tiểu học Hòa Bình và đang khẩn trương kiểm tra, xác minh.\n\n- Thông tin tiếp theo sẽ được cập nhật vào 17 giờ ngày 02/12/2026.',
      ),
      lines,
    );
    expect(ok).toEqual({ eligible: true, matchedLineIds: ['l1', 'l2'], unmatched: [] });
    const added = matchPreApproved(
      asRendered(
        'Sở Y tế đã nắm được thông tin về vụ việc và đang khẩn trương kiểm tra, xác minh.\nNguyên nhân ban đầu là do thực phẩm ôi thiu.',
      ),
      lines,
    );
    expect(added.eligible).toBe(false);
    expect(added.unmatched).toEqual(['Nguyên nhân ban đầu là do thực phẩm ôi thiu.']);
    expect(matchPreApproved(asRendered(''), lines).eligible).toBe(false);
    // A placeholder holds a filling, not sentences of its own.
    const smuggled = matchPreApproved(
      asRendered(
        'Sở Y tế đã nắm được thông tin về vụ việc. Nguyên nhân là do nhà cung cấp và đang khẩn trương kiểm tra, xác minh.',
      ),
      lines,
    );
    expect(smuggled.eligible).toBe(false);
    const contact = matchPreApproved(
      asRendered('Thông tin tiếp theo sẽ được cập nhật vào 17 giờ ngày 02/12/2026 tại anhoa.gov.vn.'),
      lines,
    );
    expect(contact.eligible).toBe(true);
  });

  describe('placeholder fillings', () => {
    const lines = [
      {
        id: 'l1',
        text: '{don_vi} đã nắm được thông tin về {su_viec} và đang khẩn trương kiểm tra, xác minh.',
      },
      { id: 'l2', text: 'Thông tin tiếp theo sẽ được cập nhật vào {thoi_gian_cap_nhat}.' },
    ];
    const line = (filler: string) =>
      `Sở Y tế đã nắm được thông tin về ${filler} và đang khẩn trương kiểm tra, xác minh.`;

    it('refuses the known ways to start a line or a sentence inside a filling, and a free title', () => {
      for (const smuggled of [
        'vụ việc\rNguyên nhân là do nhà cung cấp',
        'vụ việc\u2028Nguyên nhân là do nhà cung cấp',
        'vụ việc.\u00a0Nguyên nhân là do nhà cung cấp',
        'vụ việc.Nguyên nhân là do nhà cung cấp',
        'vụ việc. Nguyên nhân là do nhà cung cấp',
        'vụ việc! Nguyên nhân là do nhà cung cấp',
        'vụ việc; nguyên nhân là do nhà cung cấp',
        'vụ việc\u2026 nguyên nhân là do nhà cung cấp',
        'vụ việc\tnguyên nhân',
        'vụ việc  nguyên nhân',
        'x'.repeat(151),
      ]) {
        expect(matchPreApproved(asRendered(line(smuggled)), lines)).toMatchObject({ eligible: false });
      }
      expect(
        matchPreApproved(asRendered(line('vụ ngộ độc (02.12.2026) tại anhoa.gov.vn')), lines).eligible,
      ).toBe(true);
      const freeTitle = matchPreApproved(
        asRendered(line('vụ việc'), 'Nguyên nhân là do nhà cung cấp'),
        lines,
      );
      expect(freeTitle).toMatchObject({ eligible: false, unmatched: ['Nguyên nhân là do nhà cung cấp'] });
      expect(
        matchPreApproved(asRendered(line('vụ việc'), 'Thông tin ban đầu về vụ ngộ độc'), lines).eligible,
      ).toBe(true);
    });

    // Characters a filling might use to end its sentence and start a new one (or a new line) in what is read.
    const BREAKS = [
      '\r',
      '\n',
      '\u000b',
      '\u000c',
      '\u0085',
      '\u2028',
      '\u2029',
      '.',
      '!',
      '?',
      ';',
      '\u2026',
      '\u3002',
    ];
    const SPACES = [' ', '\u00a0', '\t', '\u2009', '\u202f', '\u3000', '\u200b'];
    const smuggleChar = fc.oneof(
      fc.constantFrom(...BREAKS, ...SPACES),
      fc.constantFrom('a', 'N', 'đ', 'Ư', '1', ',', '-', '/', ':', '@'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    /** A sentence starts after a break mark followed by a space or a capital, or after any line break. */
    const startsSentence = (filler: string) =>
      /[\r\n\v\f\u0085\u2028\u2029]/u.test(filler) ||
      /[.!?;\u2026\u3002](?:[\s\u200b]|\p{Lu}|$)/u.test(filler) ||
      /^[\s\u200b]|[\s\u200b]$/u.test(filler) ||
      /[^\S ]/u.test(filler);

    it('lets no filling through that starts a new sentence or line, in the body or in the title', () => {
      let passed = 0;
      fc.assert(
        fc.property(
          fc.array(smuggleChar, { minLength: 1, maxLength: 40 }).map((cs) => `vụ ${cs.join('')} việc`),
          fc.constantFrom('body', 'title'),
          (filler, where) => {
            const rendered =
              where === 'body'
                ? asRendered(line(filler))
                : asRendered(line('vụ việc'), `Thông tin ban đầu về ${filler}`);
            const result = matchPreApproved(rendered, lines);
            if (result.eligible) {
              // What passed reads, as rendered, as the template with one plain filling: no new line, no new
              // sentence inside the filling.
              const shown = rendered.split('\n').filter(Boolean);
              expect(shown).toHaveLength(2);
              const [title, body] = shown;
              const filling =
                where === 'body'
                  ? body.slice(
                      'Sở Y tế đã nắm được thông tin về '.length,
                      -' và đang khẩn trương kiểm tra, xác minh.'.length,
                    )
                  : title.slice('Thông tin ban đầu về '.length);
              expect(startsSentence(filling)).toBe(false);
              passed++;
            }
          },
        ),
        { numRuns: 3000 },
      );
      // The property saw plain fillings pass too, not only refusals.
      expect(passed).toBeGreaterThan(100);
    });

    it('never passes a body with a sentence appended to a pre-approved line', () => {
      fc.assert(
        fc.property(
          fc.string({ minLength: 1, maxLength: 60 }),
          fc.constantFrom('. ', '.\u00a0', '.', '\r', '\u2028', '! ', '? ', '; ', '\u2026 '),
          (tail, joint) => {
            const body = `Thông tin tiếp theo sẽ được cập nhật vào 17 giờ${joint}Nguyên nhân ${tail}.`;
            expect(matchPreApproved(asRendered(body), lines).eligible).toBe(false);
          },
        ),
        { numRuns: 3000 },
      );
    });
  });
});

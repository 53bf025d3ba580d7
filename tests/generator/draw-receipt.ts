import { drawNoise } from './noise.js';
import { messyReference, typoReference } from './numbering.js';
import type { OpenEntry } from './pool.js';
import {
  creditNotePayment,
  multiplePayment,
  named,
  singlePayment,
  unreferencedPayment,
  type ReceiptContext,
  type ReceiptDraft,
} from './receipts.js';
import { straddlingRemittance } from './remittance.js';
import type { Scenario } from './scenarios.js';
import type { AllocationKind } from './types.js';

/**
 * What each scenario changes from a clean payment: the way the number is written, the
 * amount that arrives, and the allocations that explain the difference.
 */

/** Draws a receipt of `scenario`; when the open items cannot give one, a clean payment. */
export function drawReceipt(context: ReceiptContext, scenario: Scenario): ReceiptDraft {
  const draft =
    drawScenario(context, scenario) ?? singlePayment(context, 'cleanReference', (number) => number);
  if (!draft) {
    throw new Error(`company ${context.company.code} has no open invoice left on ${context.day}`);
  }
  return draft;
}

function drawScenario(context: ReceiptContext, scenario: Scenario): ReceiptDraft | undefined {
  const { random, company, pools } = context;
  switch (scenario) {
    case 'cleanReference':
      return singlePayment(context, scenario, (number) => number);
    case 'messyReference':
      if (company.statementFormat === 'cfonb120' && random.chance(0.25)) {
        return singlePayment(context, scenario, (number) => number, {
          text: (_, typed, payer) => straddlingRemittance(random, payer, typed),
        });
      }
      return singlePayment(context, scenario, (number) => messyReference(number, random));
    case 'typoReference':
      return singlePayment(context, scenario, (number) => typoReference(number, random));
    case 'multipleInvoices':
      return multiplePayment(context);
    case 'noReference':
    case 'publicMandateOnly':
      return unreferencedPayment(context, scenario);
    case 'priceRevision':
      return singlePayment(
        context,
        scenario,
        (number) => (random.chance(0.3) ? messyReference(number, random) : number),
        {
          adjust: (entry) => {
            // Contracts index prices: the payer adds 0.5% to 4% computed on the invoice total.
            const revision = Math.round((entry.invoice.amountCents * random.int(5, 40)) / 1000);
            return { paid: entry.remaining + revision, extra: [[revision, 'priceRevision']] };
          },
          text: (entry, typed, payer) =>
            `${named(context, entry, typed, payer)} ${random.pick(['', 'REVISION DE PRIX', 'REV PRIX', 'ACTUALISATION'])}`.trim(),
        },
      );
    case 'bankFee': {
      const fee = random.int(200, 2_500);
      const foreign = random.chance(0.7) ? 'foreign' : 'private';
      const options = {
        accept: (entry: OpenEntry) => entry.remaining > fee * 5,
        adjust: (entry: OpenEntry) => ({
          paid: entry.remaining - fee,
          extra: [[-fee, 'bankFee']] as Array<[number, AllocationKind]>,
        }),
      };
      return (
        singlePayment(context, scenario, (number) => number, {
          ...options,
          filter: foreign,
          text: (entry, typed, payer) =>
            entry.customer.foreign
              ? `${random.pick(['INVOICE', 'PAYMENT INVOICE', 'INV.'])} ${typed}`
              : named(context, entry, typed, payer),
        }) ??
        singlePayment(context, scenario, (number) => number, { ...options, filter: 'private' })
      );
    }
    case 'smallDifference': {
      // A few cents to a euro and a half off, usually short: written off under the threshold.
      const difference = random.chance(0.7) ? -random.int(1, 150) : random.int(1, 99);
      return singlePayment(context, scenario, (number) => number, {
        accept: (entry) => entry.remaining > 1_000,
        adjust: (entry) => ({
          paid: entry.remaining + difference,
          extra: [[difference, 'writeOff']],
        }),
      });
    }
    case 'partialPayment':
      return singlePayment(context, scenario, (number) => number, {
        accept: (entry) => entry.remaining >= 30_000,
        adjust: (entry) => {
          const share = random.int(20, 80);
          const step = random.chance(0.6) ? 10_000 : 1_000;
          const paid = Math.max(step, Math.round((entry.remaining * share) / 100 / step) * step);
          return { paid: Math.min(paid, entry.remaining - step), extra: [] };
        },
        text: (entry, typed, payer) =>
          random.pick([
            `ACOMPTE FACT ${typed}`,
            `REGLEMENT PARTIEL ${typed}`,
            `${typed} 1ER VERSEMENT`,
            `PAIEMENT ECHEANCE 1/3 FACTURE ${typed}`,
            named(context, entry, typed, payer),
          ]),
      });
    case 'creditNoteNetted':
      return creditNotePayment(context);
    case 'otherGroupCompany': {
      const others = pools.filter((pool) => pool !== context.pool);
      if (others.length === 0) return undefined;
      return singlePayment(context, scenario, (number) => number, { pool: random.pick(others) });
    }
    case 'noise':
      return drawNoise(context);
  }
}

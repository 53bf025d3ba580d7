import { describe, expect, it } from 'vitest';
import { isPublicAccountant, isPublicBodyName } from '../../src-main/matching/public-payers.js';

describe('public payers', () => {
  it('recognises the public accountants under the names banks give them', () => {
    for (const name of [
      'DRFIP PAYS DE LA LOIRE',
      'SGC DE NANTES METROPOLE',
      'TRESORERIE SAUMUR HOSP',
      'PAIERIE DEPARTEMENTALE DE LA SARTHE',
      'SERVICE DE GESTION COMPTABLE DE CHOLET',
      'SERVICE GESTION COMPTABLE CHOLET',
      'SERVICE GESTION COMPTA',
    ]) {
      expect(isPublicAccountant(name), name).toBe(true);
    }
    // Acronyms written with dots are the same names.
    expect(isPublicAccountant('D.R.F.I.P. PAYS DE LA LOIRE')).toBe(true);
    expect(isPublicAccountant('S.G.C. DE CHOLET')).toBe(true);
    expect(isPublicAccountant('SERVICES INFORMATIQUES DE L OUEST')).toBe(false);
    expect(isPublicAccountant('COMMUNE DE CHOLET')).toBe(false);
  });

  it('recognises public bodies by their names', () => {
    expect(isPublicBodyName('CNE DE CHAMBERY')).toBe(true);
    expect(isPublicBodyName('EHPAD PUBLIC DE REZE')).toBe(true);
    expect(isPublicBodyName('C.C.A.S. DE CHOLET')).toBe(true);
    expect(isPublicBodyName('BOULANGERIE COLIN SARL')).toBe(false);
    expect(isPublicBodyName('LA COMMUNE GOURMANDE S.A.R.L.')).toBe(false);
  });
});

/** Claims → principal, and the access rules, without any server. */
import { describe, expect, it } from 'vitest';
import { authorize, listFilter, parseGroups, principalFromClaims } from '../../functions/auth/principal.js';

describe('parseGroups', () => {
  it.each([
    [['perencana', 'admin'], ['perencana', 'admin']],
    ['[perencana admin]', ['perencana', 'admin']],
    ['[perencana]', ['perencana']],
    ['perencana,organisasi', ['perencana', 'organisasi']],
    ['perencana, organisasi', ['perencana', 'organisasi']],
    ['bappeda', ['bappeda']],
    ['["admin","organisasi"]', ['admin', 'organisasi']],
    ['  Organisasi  ', ['organisasi']],
    ['[]', []],
    ['', []],
    ['superuser', []],
    [42, []],
    [null, []],
    [undefined, []],
    [[1, 'admin', {}], ['admin']],
  ])('reads %j as %j', (raw, roles) => {
    expect(parseGroups(raw)).toEqual(roles);
  });
});

describe('principalFromClaims', () => {
  it('needs a sub', () => {
    expect(principalFromClaims(undefined)).toBeNull();
    expect(principalFromClaims({})).toBeNull();
    expect(principalFromClaims({ sub: '  ' })).toBeNull();
    expect(principalFromClaims({ sub: 'u1' })).toMatchObject({ sub: 'u1', pemda: '', kodeOpd: '' });
  });

  it('takes pemda and OPD from the custom claims', () => {
    const p = principalFromClaims({ sub: 'u1', 'cognito:groups': '[perencana]', 'custom:pemda': '32.04', 'custom:kode_opd': '1.02.0.00.0.00.01.0000' });
    expect(p && [...p.roles]).toEqual(['perencana']);
    expect(p).toMatchObject({ pemda: '32.04', kodeOpd: '1.02.0.00.0.00.01.0000' });
  });
});

describe('authorize', () => {
  const p = (groups: string, opd = '') => principalFromClaims({ sub: 'u', 'cognito:groups': groups, 'custom:pemda': '32.04', 'custom:kode_opd': opd })!;
  it('scopes everything to the principal pemda, and refuses a principal without one', () => {
    expect(authorize(p('admin'), 'read', '32.05', 'PEMDA').allow).toBe(false);
    const noPemda = principalFromClaims({ sub: 'u', 'cognito:groups': 'admin' })!;
    expect(authorize(noPemda, 'read', '', 'PEMDA').allow).toBe(false);
  });
  it('lets a perencana without kode_opd do nothing', () => {
    expect(authorize(p('perencana'), 'list', '32.04').allow).toBe(false);
    expect(authorize(p('perencana'), 'read', '32.04', '').allow).toBe(false);
  });
  it('filters the listing of a perencana to its OPD', () => {
    expect(listFilter(p('perencana', 'X'))).toEqual(['X']);
    expect(listFilter(p('perencana organisasi', 'X'))).toBeNull();
  });
});

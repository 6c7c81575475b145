import { describe, expect, it } from '@jest/globals';
import { parsePostureExceptions } from './exceptions';

/** Exceptions read from config or YAML: every way an entry can be wrong is named. */
const valid = {
  checkId: 'vault-lock',
  entityRef: 'component:default/payments',
  justification: 'lock comes with the vault migration',
  approver: 'security@example.com',
  expiresAt: '2027-03-31',
};

describe('parsePostureExceptions: what is accepted', () => {
  it('null, undefined and an empty list are no exceptions', () => {
    expect(parsePostureExceptions(null)).toEqual([]);
    expect(parsePostureExceptions(undefined)).toEqual([]);
    expect(parsePostureExceptions([])).toEqual([]);
    expect(parsePostureExceptions({ exceptions: [] })).toEqual([]);
  });

  it('keeps exactly the known fields, subject only when given', () => {
    const [plain] = parsePostureExceptions([valid]);
    expect(plain).toEqual(valid);
    expect(Object.keys(plain)).not.toContain('subject');
    const [withSubject] = parsePostureExceptions([
      { ...valid, subject: 'arn:aws:backup:ap-northeast-1:1:backup-vault:a' },
    ]);
    expect(withSubject.subject).toBe(
      'arn:aws:backup:ap-northeast-1:1:backup-vault:a',
    );
  });

  it('a YAML date becomes its ISO string; a full ISO timestamp is kept as written', () => {
    expect(
      parsePostureExceptions([
        { ...valid, expiresAt: new Date('2027-03-31T10:00:00Z') },
      ])[0].expiresAt,
    ).toBe('2027-03-31T10:00:00.000Z');
    expect(
      parsePostureExceptions([
        { ...valid, expiresAt: '2027-03-31T10:00:00Z' },
      ])[0].expiresAt,
    ).toBe('2027-03-31T10:00:00Z');
  });
});

describe('parsePostureExceptions: what is rejected, and the message that says so', () => {
  it('something that is not a list, or an object without an exceptions list', () => {
    const list =
      'Invalid backup-posture exceptions: expected a list of exceptions (or an object with an "exceptions" list)';
    expect(() => parsePostureExceptions('x')).toThrow(list);
    expect(() => parsePostureExceptions({ exception: [valid] })).toThrow(list);
    expect(() => parsePostureExceptions({ exceptions: valid })).toThrow(list);
    expect(() => parsePostureExceptions(42)).toThrow(list);
  });

  it('an entry that is not an object', () => {
    for (const entry of [null, 'vault-lock', [valid], 3]) {
      expect(() => parsePostureExceptions([valid, entry])).toThrow(
        'Invalid backup-posture exception [1]: expected an object',
      );
    }
  });

  it.each(['checkId', 'entityRef', 'justification', 'approver', 'expiresAt'])(
    'a missing, blank or non-string %s',
    field => {
      for (const value of [undefined, '', '   ', 7]) {
        expect(() =>
          parsePostureExceptions([{ ...valid, [field]: value }]),
        ).toThrow(
          `Invalid backup-posture exception [0]: "${field}" must be a non-empty string`,
        );
      }
    },
  );

  it('a blank or non-string subject', () => {
    for (const subject of ['', '  ', 5, null]) {
      expect(() => parsePostureExceptions([{ ...valid, subject }])).toThrow(
        'Invalid backup-posture exception [0]: "subject" must be a non-empty string when given',
      );
    }
  });

  it('an expiry that is not an ISO date, or not a date at all, or an invalid Date', () => {
    for (const expiresAt of ['31/03/2027', 'in 2027-03-31', '2027-13-45']) {
      expect(() => parsePostureExceptions([{ ...valid, expiresAt }])).toThrow(
        `Invalid backup-posture exception [0]: "expiresAt" must be an ISO date, got "${expiresAt}"`,
      );
    }
    expect(() =>
      parsePostureExceptions([{ ...valid, expiresAt: new Date('nope') }]),
    ).toThrow('"expiresAt" must be a non-empty string');
  });

  it('an unknown check id, only when the registry is given; unknown fields always, all named', () => {
    expect(
      parsePostureExceptions([{ ...valid, checkId: 'vault-lok' }]),
    ).toHaveLength(1);
    expect(() =>
      parsePostureExceptions(
        [{ ...valid, checkId: 'vault-lok' }],
        ['vault-lock'],
      ),
    ).toThrow(
      'Invalid backup-posture exception [0]: unknown checkId "vault-lok"',
    );
    expect(() =>
      parsePostureExceptions([{ ...valid, approvedBy: 'x', ticket: 'y' }]),
    ).toThrow(
      'Invalid backup-posture exception [0]: unknown field(s) approvedBy, ticket',
    );
  });
});

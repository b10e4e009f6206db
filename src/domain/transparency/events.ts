/**
 * What the transparency log records, and how an event becomes a leaf. A leaf is canonical JSON
 * text (fixed key order, no whitespace) of public facts only: the event, the issuer's id, the
 * SHA-256 of the credential as signed, its status slot and the time. Never a name, an email or
 * any other personal data.
 */
export const LOG_EVENT_TYPES = [
  'credential.issued',
  'credential.revoked',
  'credential.suspended',
  'credential.reinstated',
  'key.rotated',
] as const;

export type LogEventType = (typeof LOG_EVENT_TYPES)[number];

/** A Bitstring Status List slot: public, since it is written in the credential itself. */
export type StatusSlotRef = { list: string; index: number; purpose: 'revocation' | 'suspension' };

export type CredentialEvent = {
  type: Exclude<LogEventType, 'key.rotated'>;
  /** The issuer id the credential is signed under (did:web or did:key). */
  issuer: string;
  /** Lowercase hex SHA-256 of the credential exactly as signed and stored. */
  credential: string;
  status?: StatusSlotRef;
  time: string;
};

export type KeyRotationEvent = {
  type: 'key.rotated';
  /** The issuer (or, for the platform's own key, the platform's DID). */
  issuer: string;
  /** The new key's publicKeyMultibase. */
  key: string;
  time: string;
};

export type LogEvent = CredentialEvent | KeyRotationEvent;

/** The leaf bytes' text: canonical JSON with a fixed key order (so anyone can recompute it). */
export function encodeLeaf(event: LogEvent): string {
  if (event.type === 'key.rotated') {
    const { type, issuer, key, time } = event;
    return JSON.stringify({ v: 1, type, issuer, key, time });
  }
  const { type, issuer, credential, status, time } = event;
  return JSON.stringify({
    v: 1,
    type,
    issuer,
    credential,
    ...(status
      ? { status: { list: status.list, index: status.index, purpose: status.purpose } }
      : {}),
    time,
  });
}

/** Reads a leaf back; undefined when it is not one of ours. */
export function decodeLeaf(text: string): LogEvent | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (value.v !== 1 || !LOG_EVENT_TYPES.includes(value.type as LogEventType)) return undefined;
    const { v: _version, ...event } = value;
    return event as LogEvent;
  } catch {
    return undefined;
  }
}

/** A discrepancy between what the log says and what a status list shows. */
export type StatusDiscrepancy = {
  list: string;
  index: number;
  problem: 'set-without-log-entry' | 'logged-revocation-not-set' | 'suspension-state-differs';
  message: string;
};

/**
 * Compares the bits of the published status lists with the log: a set bit needs a logged
 * revocation or suspension for that slot (else someone revoked quietly), and a logged revocation
 * needs its bit still set (else someone un-revoked quietly). `setBits` maps each fetched list's
 * URL to its set indexes; lists that could not be fetched are left out by the caller.
 */
export function auditStatusSlots(
  events: LogEvent[],
  setBits: Map<string, number[]>,
): StatusDiscrepancy[] {
  type SlotState = { revoked: boolean; suspended: boolean };
  const slots = new Map<string, SlotState>();
  const keyOf = (list: string, index: number) => `${index}@${list}`;
  for (const event of events) {
    if (event.type === 'key.rotated' || !event.status) continue;
    const key = keyOf(event.status.list, event.status.index);
    const state = slots.get(key) ?? { revoked: false, suspended: false };
    if (event.type === 'credential.revoked') state.revoked = true;
    if (event.type === 'credential.suspended') state.suspended = true;
    if (event.type === 'credential.reinstated') state.suspended = false;
    slots.set(key, state);
  }
  const problems: StatusDiscrepancy[] = [];
  for (const [list, indexes] of setBits) {
    const set = new Set(indexes);
    for (const index of set) {
      const state = slots.get(keyOf(list, index));
      if (!state || (!state.revoked && !state.suspended)) {
        problems.push({
          list,
          index,
          problem: 'set-without-log-entry',
          message: `Bit ${index} of ${list} is set, but the log records no revocation or suspension for that slot.`,
        });
      }
    }
    for (const [key, state] of slots) {
      const at = key.indexOf('@');
      if (key.slice(at + 1) !== list) continue;
      const index = Number(key.slice(0, at));
      if (set.has(index)) continue;
      if (state.revoked)
        problems.push({
          list,
          index,
          problem: 'logged-revocation-not-set',
          message: `The log records a revocation for bit ${index} of ${list}, but the bit is clear (un-revoked).`,
        });
      else if (state.suspended)
        problems.push({
          list,
          index,
          problem: 'suspension-state-differs',
          message: `The log says bit ${index} of ${list} is suspended, but the bit is clear and no reinstatement was logged.`,
        });
    }
  }
  return problems;
}
